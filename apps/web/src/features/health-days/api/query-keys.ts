import type { HealthDayListParams } from "./types";

/**
 * Health-day query keys. Everything sits under `all`: a new station, slot or transition refreshes the list,
 * the detail and the employee's start page alike (they all show the same slots and counters).
 */
export const healthDayKeys = {
  all: ["health-days"] as const,
  lists: () => [...healthDayKeys.all, "list"] as const,
  list: (params: HealthDayListParams) => [...healthDayKeys.lists(), params] as const,
  detail: (id: string) => [...healthDayKeys.all, "detail", id] as const,
  /** The module catalog: the marketplace's suggestions for the task "Gesundheitstag planen". */
  catalog: () => [...healthDayKeys.all, "catalog"] as const,
  /** The signed-in employee's open health days with their own places. */
  open: () => [...healthDayKeys.all, "open"] as const,
};
