import type { EmployeeListParams } from "./types";

/** Employee query keys; everything under one prefix, so an import or an edit refreshes every list and count. */
export const employeeKeys = {
  all: ["employees"] as const,
  list: (params: EmployeeListParams) => [...employeeKeys.all, params] as const,
  activeCount: () => [...employeeKeys.all, "active-count"] as const,
};
