import { bookingStatusOf, HEALTH_DAY_STATUS_KEYS, healthDayActions } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { budgetOf } from "./budget.js";
import { cardOf, germanDays, germanEuros } from "./card.js";
import { conflictsOf, type TimelineSlot, timelineConflicts } from "./conflicts.js";
import { planHealthDayTransition } from "./transitions.js";

const day = { startsOn: "2027-03-15", endsOn: "2027-03-15" };
// 15 March 2027 is in CET (UTC+1): 09:00 local is 08:00Z.
const at = (hhmm: string, date = "2027-03-15") => new Date(`${date}T${hhmm}:00+01:00`);
const slot = (o: Partial<TimelineSlot> & { from: string; to: string }): TimelineSlot => ({
  id: o.id ?? null,
  moduleId: o.moduleId ?? "m1",
  providerOrgId: o.providerOrgId ?? "p1",
  location: o.location ?? "Kantine",
  startsAt: at(o.from),
  endsAt: at(o.to),
  capacity: o.capacity ?? 10,
  cancelled: o.cancelled,
});

describe("health day transitions", () => {
  it("follows planning → preparation → registration open → live → done", () => {
    let status: (typeof HEALTH_DAY_STATUS_KEYS)[number] = "planning";
    for (const action of ["start_preparation", "open_registration", "go_live", "finish"] as const) {
      const plan = planHealthDayTransition(status, action);
      expect(plan.ok, `${action} from ${status}`).toBe(true);
      if (plan.ok) status = plan.to;
    }
    expect(status).toBe("done");
  });

  it("closes registration back to preparation and cancels from any open state, never from done or cancelled", () => {
    expect(planHealthDayTransition("registration_open", "close_registration")).toMatchObject({ ok: true, to: "preparation" });
    for (const from of ["planning", "preparation", "registration_open", "live"] as const) {
      expect(planHealthDayTransition(from, "cancel")).toMatchObject({ ok: true, to: "cancelled" });
    }
    expect(planHealthDayTransition("done", "cancel")).toEqual({ ok: false, status: "done", allowedActions: [] });
    expect(planHealthDayTransition("cancelled", "open_registration")).toMatchObject({ ok: false, allowedActions: [] });
    expect(planHealthDayTransition("planning", "finish")).toMatchObject({ ok: false, allowedActions: healthDayActions("planning") });
  });

  it("offers every status at least one way on, except the final ones", () => {
    for (const s of HEALTH_DAY_STATUS_KEYS) expect(healthDayActions(s).length > 0, s).toBe(s !== "done" && s !== "cancelled");
  });
});

describe("slot conflicts", () => {
  it("finds the same room at once, but not back to back or in another room", () => {
    const existing = [slot({ id: "a", from: "09:00", to: "10:00", providerOrgId: "p2" })];
    expect(conflictsOf(slot({ from: "09:30", to: "10:30" }), day, existing).map((c) => [c.kind, c.otherSlotId])).toEqual([
      ["same_room", "a"],
    ]);
    expect(conflictsOf(slot({ from: "10:00", to: "11:00" }), day, existing)).toEqual([]);
    expect(conflictsOf(slot({ from: "09:30", to: "10:30", location: "Raum 2" }), day, existing)).toEqual([]);
    // Rooms compare without case and spaces.
    expect(conflictsOf(slot({ from: "09:30", to: "10:30", location: " kantine " }), day, existing)).toHaveLength(1);
  });

  it("finds one provider twice at once, in any room", () => {
    const existing = [slot({ id: "a", from: "09:00", to: "10:00", location: "Raum 1" })];
    expect(conflictsOf(slot({ from: "09:45", to: "10:15", location: "Raum 2" }), day, existing).map((c) => c.kind)).toEqual([
      "same_provider",
    ]);
  });

  it("finds a slot outside the day in German time, and lets one end at midnight", () => {
    const before = { ...slot({ from: "23:00", to: "23:30" }), startsAt: at("23:00", "2027-03-14"), endsAt: at("23:30", "2027-03-14") };
    expect(conflictsOf(before, day, []).map((c) => c.kind)).toEqual(["outside_day"]);
    // 00:30 on the 15th in Germany is 23:30Z on the 14th: inside the day.
    const earlyLocal = {
      ...slot({ from: "09:00", to: "10:00" }),
      startsAt: new Date("2027-03-14T23:30:00Z"),
      endsAt: new Date("2027-03-15T00:30:00Z"),
    };
    expect(conflictsOf(earlyLocal, day, [])).toEqual([]);
    const untilMidnight = { ...slot({ from: "22:00", to: "23:00" }), endsAt: at("00:00", "2027-03-16") };
    expect(conflictsOf(untilMidnight, day, [])).toEqual([]);
    const intoNextDay = { ...slot({ from: "23:00", to: "23:30" }), endsAt: at("00:30", "2027-03-16") };
    expect(conflictsOf(intoNextDay, day, []).map((c) => c.kind)).toEqual(["outside_day"]);
  });

  it("finds more places than the offering serves, and ignores cancelled slots", () => {
    expect(conflictsOf(slot({ from: "09:00", to: "10:00", capacity: 30 }), day, [], 20).map((c) => c.kind)).toEqual(["over_capacity"]);
    expect(conflictsOf(slot({ from: "09:00", to: "10:00", capacity: 20 }), day, [], 20)).toEqual([]);
    const cancelled = [slot({ id: "a", from: "09:00", to: "10:00", cancelled: true })];
    expect(conflictsOf(slot({ from: "09:00", to: "10:00" }), day, cancelled)).toEqual([]);
  });

  it("names each clashing pair of a timeline once", () => {
    const slots = [slot({ id: "a", from: "09:00", to: "10:00" }), slot({ id: "b", from: "09:30", to: "10:30", providerOrgId: "p2" })];
    expect(timelineConflicts(day, slots)).toEqual([expect.objectContaining({ kind: "same_room", slotId: "b", otherSlotId: "a" })]);
  });
});

describe("budget tracker", () => {
  const lines = [
    { moduleId: "m1", title: "Rückenscreening", plannedCents: 150_000, bookedCents: 140_000, invoicedCents: null },
    { moduleId: "m2", title: "Ergonomie-Check", plannedCents: 120_000, bookedCents: null, invoicedCents: null },
  ];

  it("sums planned, booked and invoiced per station and in total", () => {
    expect(budgetOf(500_000, lines)).toEqual({
      budgetCents: 500_000,
      plannedCents: 270_000,
      bookedCents: 140_000,
      invoicedCents: 0,
      remainingCents: 360_000,
      warnings: [],
      modules: [
        { moduleId: "m1", title: "Rückenscreening", plannedCents: 150_000, bookedCents: 140_000, invoicedCents: 0 },
        { moduleId: "m2", title: "Ergonomie-Check", plannedCents: 120_000, bookedCents: 0, invoicedCents: 0 },
      ],
    });
  });

  it("warns before the budget is reached, when booked exceeds it, and when the plan does", () => {
    expect(budgetOf(150_000, lines).warnings).toEqual(["booked_near_budget", "planned_exceeds_budget"]);
    expect(budgetOf(100_000, lines)).toMatchObject({
      warnings: ["booked_exceeds_budget", "planned_exceeds_budget"],
      remainingCents: -40_000,
    });
    expect(budgetOf(null, lines)).toMatchObject({ warnings: [], remainingCents: null });
  });
});

describe("booking status and the card", () => {
  it("follows the engagement: requested ⏳, quote pending ⏳, accepted ✓, declined", () => {
    expect(bookingStatusOf("requested")).toBe("requested");
    expect(bookingStatusOf("quoted")).toBe("pending");
    expect(bookingStatusOf("revision_requested")).toBe("pending");
    for (const s of ["accepted", "in_progress", "delivered", "completed"] as const) expect(bookingStatusOf(s)).toBe("confirmed");
    for (const s of ["declined", "quote_rejected", "cancelled"] as const) expect(bookingStatusOf(s)).toBe("declined");
  });

  it("says what the brief's card says", () => {
    const card = cardOf({
      title: "Fit for Work",
      startsOn: "2027-03-15",
      endsOn: "2027-03-15",
      budgetCents: 500_000,
      status: "preparation",
      expectedHeadcount: 120,
      people: 87,
      places: 200,
      stations: [
        { title: "Ergonomie-Check", providerName: "ErgoProfi", bookingStatus: "pending", firstStart: at("14:00") },
        { title: "Rückenscreening", providerName: "Rückenpause GmbH", bookingStatus: "confirmed", firstStart: at("09:00") },
        { title: "Noch ohne Termin", providerName: "Upfit", bookingStatus: "requested", firstStart: null },
      ],
    });
    expect(card.headline).toBe("Fit for Work · 15. März · Budget 5.000 €");
    expect(card.lines.map((l) => l.text)).toEqual([
      "09:00 Rückenscreening (Rückenpause GmbH) ✓",
      "14:00 Ergonomie-Check (ErgoProfi) ⏳",
      "Noch ohne Termin (Upfit) ⏳",
    ]);
    expect(card.registrations).toEqual({ people: 87, of: 120, percent: 72, text: "Anmeldungen: 87/120 (72 %)" });
    expect(card.statusText).toBe("Status: Vorbereitung läuft");
  });

  it("counts against the places without a headcount, and writes dates and euros the German way", () => {
    const card = cardOf({
      title: "T",
      startsOn: "2027-03-15",
      endsOn: "2027-03-15",
      budgetCents: null,
      status: "planning",
      expectedHeadcount: null,
      people: 0,
      places: 0,
      stations: [],
    });
    expect(card.headline).toBe("T · 15. März");
    expect(card.registrations.text).toBe("Anmeldungen: 0/0");
    expect(germanDays("2027-03-15", "2027-03-16")).toBe("15.–16. März");
    expect(germanDays("2027-03-31", "2027-04-01")).toBe("31. März – 1. April");
    expect(germanEuros(123_456)).toBe("1.234,56 €");
  });
});
