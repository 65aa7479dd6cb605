import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { ApiError } from "../../lib/api-client";
import { zonedToIso } from "../../lib/zoned-time";
import type { AddHealthDaySlotsInput, SlotConflictItem } from "./api/types";

/** The slot form as typed: a date of the day and times on German clocks, the capacity and the room. */
export interface SlotFieldValues {
  date: string;
  startTime: string;
  endTime: string;
  capacity: number | string;
  /** Empty: the station's room. */
  location: string;
}

export type SlotFormProblem = "incomplete" | "endBeforeStart";

/** The calendar dates from the first to the last day (YYYY-MM-DD), for the slot form's date choice; at most 31. */
export function dayDates(startsOn: string, endsOn: string): string[] {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return Number.isNaN(start) ? [] : [startsOn];
  const dates: string[] = [];
  for (let ms = start; ms <= end && dates.length < 31; ms += 86_400_000) dates.push(new Date(ms).toISOString().slice(0, 10));
  return dates;
}

export function emptySlot(startsOn: string, location: string): SlotFieldValues {
  return { date: startsOn, startTime: "", endTime: "", capacity: 10, location };
}

/** One slot as the API takes it (times in Berlin, whatever the browser's zone), or what is wrong with the form. */
export function slotBody(v: SlotFieldValues): AddHealthDaySlotsInput | SlotFormProblem {
  const startsAt = zonedToIso(v.date, v.startTime, PARTICIPATION_TIME_ZONE);
  const endsAt = zonedToIso(v.date, v.endTime, PARTICIPATION_TIME_ZONE);
  const capacity = typeof v.capacity === "number" && Number.isInteger(v.capacity) && v.capacity >= 1 ? v.capacity : null;
  if (!startsAt || !endsAt || capacity === null) return "incomplete";
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return "endBeforeStart";
  const location = v.location.trim();
  return { slots: [{ startsAt, endsAt, capacity, ...(location ? { location } : {}) }] };
}

const KINDS = new Set(["same_room", "same_provider", "outside_day", "over_capacity"]);

/** The clashes of a refused slot (409 `slot_conflict`, `details.conflicts`), as the API reported them. */
export function conflictsOfError(error: unknown): SlotConflictItem[] {
  if (!(error instanceof ApiError) || error.code !== "slot_conflict") return [];
  const list = (error.details as { conflicts?: unknown } | undefined)?.conflicts;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => {
    if (typeof c !== "object" || c === null) return [];
    const r = c as Record<string, unknown>;
    if (typeof r.kind !== "string" || !KINDS.has(r.kind)) return [];
    return [
      {
        kind: r.kind as SlotConflictItem["kind"],
        slotId: typeof r.slotId === "string" ? r.slotId : null,
        otherSlotId: typeof r.otherSlotId === "string" ? r.otherSlotId : null,
        message: typeof r.message === "string" ? r.message : "",
      },
    ];
  });
}
