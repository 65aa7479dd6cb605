import type { BookingStatus } from "@bgm/domain";
import type { HealthDayDetail, HealthDaySlotItem, SlotConflictItem } from "./api/types";

/**
 * A slot as the timeline needs it: the manager's slot and the planner's (which carries only the headcounts
 * `registered` and `waitlisted`, ADR 0015) both fit.
 */
export type TimelineSlot = Pick<HealthDaySlotItem, "id" | "startsAt" | "endsAt" | "location" | "capacity" | "status"> & {
  counts: Pick<HealthDaySlotItem["counts"], "registered" | "waitlisted">;
};

/** A day as the timeline needs it: the manager's day or the planner's. */
export type TimelineDay = Pick<HealthDayDetail, "id" | "startsOn" | "endsOn" | "locations" | "conflicts"> & {
  modules: readonly {
    id: string;
    title: string;
    providerName: string;
    bookingStatus: BookingStatus;
    location: string;
    slots: readonly TimelineSlot[];
  }[];
};

/** A slot on the timeline with its station and the clashes the API reports for it. */
export interface TimelineEntry {
  slot: TimelineSlot;
  station: { id: string; title: string; providerName: string; bookingStatus: BookingStatus };
  conflicts: SlotConflictItem[];
}

export interface TimelineLane {
  location: string;
  entries: TimelineEntry[];
}

/** The conflicts that name a slot, on either side of the clash. */
export function conflictsOfSlot(conflicts: readonly SlotConflictItem[], slotId: string): SlotConflictItem[] {
  return conflicts.filter((c) => c.slotId === slotId || c.otherSlotId === slotId);
}

/**
 * The day's plan per room, each room's slots in time order (ties: station title). Rooms in the order the
 * day lists them, then rooms only slots name; a slot without a room goes to the lane "" (shown as "no room").
 */
export function timelineByLocation(day: Pick<TimelineDay, "locations" | "modules" | "conflicts">): TimelineLane[] {
  const lanes = new Map<string, TimelineEntry[]>();
  for (const room of day.locations) lanes.set(room, []);
  for (const m of day.modules) {
    for (const slot of m.slots) {
      const room = slot.location || m.location;
      const entry: TimelineEntry = {
        slot,
        station: { id: m.id, title: m.title, providerName: m.providerName, bookingStatus: m.bookingStatus },
        conflicts: conflictsOfSlot(day.conflicts, slot.id),
      };
      lanes.set(room, [...(lanes.get(room) ?? []), entry]);
    }
  }
  return [...lanes.entries()].map(([location, entries]) => ({
    location,
    entries: entries.sort(
      (a, b) => Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt) || a.station.title.localeCompare(b.station.title, "de"),
    ),
  }));
}

/** "5/12 angemeldet" and friends: places held, places, people waiting, and whether the slot is full. */
export function slotCounter(slot: Pick<TimelineSlot, "capacity" | "counts">) {
  const held = slot.counts.registered;
  return { held, capacity: slot.capacity, waiting: slot.counts.waitlisted, full: held >= slot.capacity };
}
