import { describe, expect, it } from "vitest";
import type { HealthDayDetail, HealthDayModuleItem, HealthDaySlotItem } from "./api/types";
import { conflictsOfSlot, slotCounter, timelineByLocation } from "./timeline";

const counts = { registered: 0, waitlisted: 0, attended: 0, noShow: 0 };
const slot = (id: string, startsAt: string, location = ""): HealthDaySlotItem => ({
  id,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
  location,
  capacity: 10,
  registrationDeadline: null,
  waitlistEnabled: true,
  status: "scheduled",
  counts,
});
const station = (id: string, title: string, location: string, slots: HealthDaySlotItem[]) =>
  ({ id, title, providerName: "P", bookingStatus: "requested", location, slots }) as unknown as HealthDayModuleItem;

describe("timelineByLocation", () => {
  const day = {
    locations: ["Foyer", "Raum Elbe", "Kantine"],
    modules: [
      station("m1", "Rückenscreening", "Foyer", [slot("s2", "2027-03-15T10:00:00Z", "Foyer"), slot("s1", "2027-03-15T08:00:00Z", "Foyer")]),
      station("m2", "Stress-Messung", "Raum Elbe", [slot("s3", "2027-03-15T09:00:00Z", "Raum Elbe")]),
      station("m3", "Massage", "Dach", [slot("s4", "2027-03-15T09:00:00Z")]),
    ],
    conflicts: [{ kind: "same_room" as const, slotId: "s3", otherSlotId: "s1", message: "Raum belegt" }],
  } satisfies Pick<HealthDayDetail, "locations" | "modules" | "conflicts">;

  it("puts each room's slots in time order, rooms in the day's order, a slot without room in its station's", () => {
    const lanes = timelineByLocation(day);
    expect(lanes.map((l) => [l.location, l.entries.map((e) => e.slot.id)])).toEqual([
      ["Foyer", ["s1", "s2"]],
      ["Raum Elbe", ["s3"]],
      ["Kantine", []],
      ["Dach", ["s4"]],
    ]);
    expect(lanes[0]?.entries[0]?.station.title).toBe("Rückenscreening");
  });

  it("hands each slot the conflicts naming it, on either side", () => {
    const lanes = timelineByLocation(day);
    expect(lanes[0]?.entries[0]?.conflicts).toHaveLength(1);
    expect(lanes[1]?.entries[0]?.conflicts[0]?.kind).toBe("same_room");
    expect(lanes[0]?.entries[1]?.conflicts).toEqual([]);
    expect(conflictsOfSlot(day.conflicts, "nope")).toEqual([]);
  });
});

describe("slotCounter", () => {
  it("counts places held against capacity and says when the slot is full", () => {
    expect(slotCounter({ capacity: 12, counts: { ...counts, registered: 5, waitlisted: 1 } })).toEqual({
      held: 5,
      capacity: 12,
      waiting: 1,
      full: false,
    });
    expect(slotCounter({ capacity: 2, counts: { ...counts, registered: 2 } }).full).toBe(true);
  });
});
