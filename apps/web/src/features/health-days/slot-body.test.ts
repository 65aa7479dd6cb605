import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-client";
import { conflictsOfError, dayDates, emptySlot, slotBody } from "./slot-body";

describe("dayDates", () => {
  it("lists every calendar day of the event, across a month's end", () => {
    expect(dayDates("2027-03-15", "2027-03-15")).toEqual(["2027-03-15"]);
    expect(dayDates("2027-03-31", "2027-04-02")).toEqual(["2027-03-31", "2027-04-01", "2027-04-02"]);
  });

  it("keeps the first day for an inverted range and nothing for garbage", () => {
    expect(dayDates("2027-03-15", "2027-03-14")).toEqual(["2027-03-15"]);
    expect(dayDates("", "")).toEqual([]);
  });
});

describe("slotBody", () => {
  const slot = { ...emptySlot("2027-03-15", "Foyer"), startTime: "09:00", endTime: "09:45", capacity: 12 };

  it("reads the times on Berlin clocks (winter and summer time) and sends one slot", () => {
    expect(slotBody(slot)).toEqual({
      slots: [{ startsAt: "2027-03-15T08:00:00.000Z", endsAt: "2027-03-15T08:45:00.000Z", capacity: 12, location: "Foyer" }],
    });
    expect(slotBody({ ...slot, date: "2027-06-15" })).toMatchObject({ slots: [{ startsAt: "2027-06-15T07:00:00.000Z" }] });
  });

  it("leaves the room to the station when the field is empty", () => {
    const body = slotBody({ ...slot, location: "  " });
    expect(typeof body === "object" && "location" in (body.slots[0] ?? {})).toBe(false);
  });

  it("refuses missing times, a capacity below one and an end before the start", () => {
    expect(slotBody({ ...slot, endTime: "" })).toBe("incomplete");
    expect(slotBody({ ...slot, capacity: 0 })).toBe("incomplete");
    expect(slotBody({ ...slot, capacity: "" })).toBe("incomplete");
    expect(slotBody({ ...slot, endTime: "08:30" })).toBe("endBeforeStart");
    expect(slotBody({ ...slot, endTime: "09:00" })).toBe("endBeforeStart");
  });
});

describe("conflictsOfError", () => {
  it("reads the clashes of a 409 slot_conflict", () => {
    const error = new ApiError(409, "slot_conflict", "conflict", {
      conflicts: [
        { kind: "same_room", slotId: null, otherSlotId: "b7c1", message: "Room Foyer is taken", index: 0 },
        { kind: "bogus", slotId: null, otherSlotId: null, message: "?" },
        { kind: "outside_day", slotId: null, otherSlotId: null, message: "Outside the day" },
      ],
    });
    expect(conflictsOfError(error)).toEqual([
      { kind: "same_room", slotId: null, otherSlotId: "b7c1", message: "Room Foyer is taken" },
      { kind: "outside_day", slotId: null, otherSlotId: null, message: "Outside the day" },
    ]);
  });

  it("finds nothing in other errors", () => {
    expect(conflictsOfError(new ApiError(409, "invalid_transition", "no"))).toEqual([]);
    expect(conflictsOfError(new Error("x"))).toEqual([]);
  });
});
