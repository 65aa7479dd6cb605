import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  planAttendance,
  planCancellation,
  planPromotions,
  planRegistration,
  planWalkIn,
  planWalkInRemoval,
  queueTime,
  refusalError,
  registrationOpen,
  type Slot,
  waitlistPositions,
} from "./registration.js";

const NOW = new Date("2026-06-01T10:00:00Z");
const slot = (over: Partial<Slot> = {}): Slot => ({
  status: "scheduled",
  parentOpen: true,
  startsAt: new Date("2026-06-10T10:00:00Z"),
  registrationDeadline: null,
  capacity: 2,
  waitlistEnabled: true,
  placesTaken: 0,
  ...over,
});
const active = { active: true };
/** The session's start: attendance is taken then (and from half an hour before). */
const DOOR = new Date("2026-06-10T10:00:00Z");

describe("planRegistration", () => {
  it("gives a place while one is free, then the waitlist, then refuses a full session without waitlist", () => {
    expect(planRegistration(slot(), null, active, NOW)).toEqual({ ok: true, action: "insert", to: "registered" });
    expect(planRegistration(slot({ placesTaken: 2 }), null, active, NOW)).toEqual({ ok: true, action: "insert", to: "waitlisted" });
    expect(planRegistration(slot({ placesTaken: 2, waitlistEnabled: false }), null, active, NOW)).toEqual({
      ok: false,
      reason: "session_full",
      capacity: 2,
    });
  });

  it("answers an existing place or waitlist entry unchanged (idempotent), even when registration has closed", () => {
    for (const status of ["registered", "waitlisted", "attended", "no_show"] as const) {
      expect(planRegistration(slot({ status: "cancelled" }), status, active, NOW)).toEqual({ ok: true, action: "keep", status });
    }
  });

  it("takes a cancelled row up again (one row per person and session)", () => {
    expect(planRegistration(slot(), "cancelled", active, NOW)).toEqual({ ok: true, action: "reuse", to: "registered" });
    expect(planRegistration(slot({ placesTaken: 5 }), "cancelled", active, NOW)).toEqual({ ok: true, action: "reuse", to: "waitlisted" });
  });

  it("refuses after the deadline, once started, on a cancelled session or parent, and for inactive people", () => {
    const deadline = new Date("2026-06-01T09:00:00Z");
    expect(planRegistration(slot({ registrationDeadline: deadline }), null, active, NOW)).toEqual({
      ok: false,
      reason: "registration_closed",
      closedAt: deadline,
    });
    expect(planRegistration(slot({ startsAt: NOW }), null, active, NOW)).toMatchObject({ reason: "session_started" });
    expect(planRegistration(slot({ status: "cancelled" }), null, active, NOW)).toMatchObject({ reason: "session_cancelled" });
    expect(planRegistration(slot({ parentOpen: false }), null, active, NOW)).toMatchObject({ reason: "intervention_not_open" });
    expect(planRegistration(slot(), null, { active: false }, NOW)).toMatchObject({ reason: "employee_inactive" });
  });
});

describe("queueTime", () => {
  it("is now when now is after everyone queued", () => {
    expect(queueTime(NOW, null)).toEqual(NOW);
    expect(queueTime(NOW, new Date(NOW.getTime() - 5))).toEqual(NOW);
  });
  it("is one millisecond after the latest row when the clock has not moved on (or a request read it early)", () => {
    expect(queueTime(NOW, NOW)).toEqual(new Date(NOW.getTime() + 1));
    expect(queueTime(NOW, new Date(NOW.getTime() + 40))).toEqual(new Date(NOW.getTime() + 41));
  });
});

describe("registrationOpen", () => {
  it("is open before the deadline with a free place or a waitlist", () => {
    expect(registrationOpen(slot(), NOW)).toBe(true);
    expect(registrationOpen(slot({ placesTaken: 2 }), NOW)).toBe(true);
    expect(registrationOpen(slot({ placesTaken: 2, waitlistEnabled: false }), NOW)).toBe(false);
    expect(registrationOpen(slot({ registrationDeadline: NOW }), NOW)).toBe(false);
  });
});

describe("planCancellation", () => {
  it("frees a place for registered people, leaves the waitlist for waiting people", () => {
    expect(planCancellation(slot(), "registered", NOW)).toEqual({ ok: true, action: "cancel", from: "registered", freesPlace: true });
    expect(planCancellation(slot(), "waitlisted", NOW)).toEqual({ ok: true, action: "cancel", from: "waitlisted", freesPlace: false });
  });

  it("is idempotent once cancelled and refuses without a row, after attendance, once started", () => {
    expect(planCancellation(slot(), "cancelled", NOW)).toEqual({ ok: true, action: "keep" });
    expect(planCancellation(slot(), null, NOW)).toMatchObject({ reason: "not_registered" });
    expect(planCancellation(slot(), "attended", NOW)).toMatchObject({ reason: "attendance_recorded" });
    expect(planCancellation(slot({ startsAt: NOW }), "registered", NOW)).toMatchObject({ reason: "session_started" });
    expect(planCancellation(slot({ status: "cancelled" }), "registered", NOW)).toMatchObject({ reason: "session_cancelled" });
  });
});

describe("planPromotions", () => {
  it("moves up as many waiting people as places are free, in queue order", () => {
    expect(planPromotions(slot({ placesTaken: 1 }), ["a", "b", "c"], NOW)).toEqual(["a"]);
    expect(planPromotions(slot({ capacity: 5, placesTaken: 1 }), ["a", "b", "c"], NOW)).toEqual(["a", "b", "c"]);
    expect(planPromotions(slot({ placesTaken: 2 }), ["a"], NOW)).toEqual([]);
  });

  it("moves nobody up once the session started, or when it or its parent is closed; a passed deadline does not stop it", () => {
    expect(planPromotions(slot({ startsAt: NOW }), ["a"], NOW)).toEqual([]);
    expect(planPromotions(slot({ status: "cancelled" }), ["a"], NOW)).toEqual([]);
    expect(planPromotions(slot({ parentOpen: false }), ["a"], NOW)).toEqual([]);
    expect(planPromotions(slot({ registrationDeadline: new Date("2026-05-01T00:00:00Z") }), ["a"], NOW)).toEqual(["a"]);
  });
});

describe("attendance", () => {
  it("marks place holders and takes marks back; refuses people without a place", () => {
    expect(planAttendance(slot(), "registered", "attended", DOOR)).toEqual({ ok: true, action: "set", from: "registered", to: "attended" });
    expect(planAttendance(slot(), "attended", "no_show", DOOR)).toEqual({ ok: true, action: "set", from: "attended", to: "no_show" });
    expect(planAttendance(slot(), "no_show", "registered", DOOR)).toEqual({ ok: true, action: "set", from: "no_show", to: "registered" });
    expect(planAttendance(slot(), "attended", "attended", DOOR)).toEqual({ ok: true, action: "keep" });
    expect(planAttendance(slot(), "waitlisted", "attended", DOOR)).toMatchObject({ reason: "no_place" });
    expect(planAttendance(slot(), null, "attended", DOOR)).toMatchObject({ reason: "not_registered" });
    expect(planAttendance(slot({ status: "cancelled" }), "registered", "attended", DOOR)).toMatchObject({ reason: "session_cancelled" });
  });

  it("adds walk-ins: a new attended row, or marks an existing row attended (walk-in when they had no place)", () => {
    expect(planWalkIn(slot(), null, active, DOOR)).toEqual({ ok: true, action: "insert" });
    expect(planWalkIn(slot(), "registered", active, DOOR)).toEqual({ ok: true, action: "set", from: "registered", walkIn: false });
    expect(planWalkIn(slot(), "waitlisted", active, DOOR)).toEqual({ ok: true, action: "set", from: "waitlisted", walkIn: true });
    expect(planWalkIn(slot(), "cancelled", active, DOOR)).toEqual({ ok: true, action: "set", from: "cancelled", walkIn: true });
    expect(planWalkIn(slot(), "attended", active, DOOR)).toEqual({ ok: true, action: "keep" });
    expect(planWalkIn(slot(), null, { active: false }, DOOR)).toMatchObject({ reason: "employee_inactive" });
  });

  it("opens half an hour before the start: earlier marks and walk-ins are refused (422), taking a mark back is not", () => {
    const early = new Date(DOOR.getTime() - 31 * 60_000);
    const atDoor = new Date(DOOR.getTime() - 29 * 60_000);
    expect(planAttendance(slot(), "registered", "attended", early)).toEqual({
      ok: false,
      reason: "session_not_started",
      opensAt: new Date("2026-06-10T09:30:00Z"),
    });
    expect(planAttendance(slot(), "registered", "no_show", NOW)).toMatchObject({ reason: "session_not_started" });
    expect(planAttendance(slot(), "registered", "attended", atDoor)).toMatchObject({ ok: true, action: "set" });
    expect(planAttendance(slot(), "attended", "registered", early)).toMatchObject({ ok: true, action: "set", to: "registered" });
    expect(planWalkIn(slot(), null, active, early)).toMatchObject({ reason: "session_not_started" });
    expect(planWalkIn(slot(), null, active, atDoor)).toEqual({ ok: true, action: "insert" });
    expect(refusalError({ ok: false, reason: "session_not_started", opensAt: DOOR })).toMatchObject({
      code: "session_not_started",
      status: 422,
      details: { opensAt: DOOR.toISOString() },
    });
  });

  it("takes out only walk-ins: deletes a row the walk-in made, restores a row that was there before", () => {
    expect(planWalkInRemoval({ status: "attended", walkIn: true }, null)).toEqual({ ok: true, action: "delete", from: "attended" });
    expect(planWalkInRemoval({ status: "no_show", walkIn: true }, null)).toEqual({ ok: true, action: "delete", from: "no_show" });
    expect(planWalkInRemoval({ status: "attended", walkIn: true }, "waitlisted")).toEqual({
      ok: true,
      action: "restore",
      from: "attended",
      to: "waitlisted",
    });
    expect(planWalkInRemoval({ status: "attended", walkIn: true }, "cancelled")).toMatchObject({ action: "restore", to: "cancelled" });
    expect(planWalkInRemoval({ status: "attended", walkIn: false }, null)).toMatchObject({ reason: "not_a_walk_in", status: "attended" });
    expect(planWalkInRemoval({ status: "waitlisted", walkIn: true }, null)).toMatchObject({ reason: "not_a_walk_in" });
    expect(planWalkInRemoval(null, null)).toMatchObject({ reason: "not_registered" });
  });

  it("summarises attended of everyone expected: 28/32 is 87.5 %", () => {
    const statuses = [...Array(28).fill("attended"), ...Array(3).fill("no_show"), "registered", "waitlisted", "cancelled"] as Parameters<
      typeof attendanceSummary
    >[0];
    expect(attendanceSummary(statuses)).toEqual({ attended: 28, expected: 32, rate: 0.875 });
    expect(attendanceSummary([])).toEqual({ attended: 0, expected: 0, rate: null });
  });

  it("numbers the waitlist by queue time, then id", () => {
    const at = (s: string) => new Date(`2026-06-01T${s}:00Z`);
    const rows = [
      { id: "c", status: "waitlisted" as const, queuedAt: at("10:02") },
      { id: "b", status: "waitlisted" as const, queuedAt: at("10:01") },
      { id: "a", status: "waitlisted" as const, queuedAt: at("10:01") },
      { id: "d", status: "registered" as const, queuedAt: at("09:00") },
    ];
    expect([...waitlistPositions(rows)]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
  });
});

describe("refusals", () => {
  it("map to the API's codes and statuses", () => {
    expect(refusalError({ ok: false, reason: "session_full", capacity: 10 })).toMatchObject({
      code: "session_full",
      status: 409,
      details: { capacity: 10 },
    });
    expect(refusalError({ ok: false, reason: "not_registered" })).toMatchObject({ code: "not_registered", status: 404 });
    expect(refusalError({ ok: false, reason: "employee_inactive" })).toMatchObject({ status: 409 });
  });
});
