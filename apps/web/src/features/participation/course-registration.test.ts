import type { CourseSessionPlace, OpenIntervention } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { courseActions, courseOutcome, courseOutcomeKind, refusingSession } from "./course-registration";

type OpenSession = OpenIntervention["sessions"][number];
const now = Date.parse("2027-03-01T08:00:00.000Z");

function session(n: number, over: Partial<OpenSession> = {}): OpenSession {
  const start = new Date(Date.parse("2027-03-08T11:00:00.000Z") + (n - 1) * 7 * 86_400_000);
  return {
    id: `s${n}`,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    status: "scheduled",
    registrationOpen: true,
    freePlaces: 5,
    mine: null,
    ...over,
  } as OpenSession;
}
const mine = (status: "registered" | "waitlisted" | "cancelled" | "attended") => ({
  status,
  waitlistPosition: status === "waitlisted" ? 2 : null,
  changedAt: "2027-02-01T00:00:00.000Z",
});

describe("courseActions", () => {
  it("offers nothing for a single date: the session's own button does it", () => {
    expect(courseActions([session(1)], now)).toEqual({ book: false, cancel: false });
  });

  it("offers booking a recurring course I hold nothing in", () => {
    expect(courseActions([session(1), session(2), session(3)], now)).toEqual({ book: true, cancel: false });
  });

  it("offers both while I hold some sessions and could still book others", () => {
    const sessions = [session(1, { mine: mine("registered") }), session(2), session(3, { mine: mine("cancelled") })];
    expect(courseActions(sessions, now)).toEqual({ book: true, cancel: true });
  });

  it("offers only cancelling once I hold or wait for every session ahead", () => {
    const sessions = [session(1, { mine: mine("registered") }), session(2, { mine: mine("waitlisted") })];
    expect(courseActions(sessions, now)).toEqual({ book: false, cancel: true });
  });

  it("counts only scheduled sessions still ahead: past and cancelled dates do not make a course recurring", () => {
    const sessions = [session(1, { startsAt: "2027-02-20T11:00:00.000Z" }), session(2, { status: "cancelled" }), session(3)];
    expect(courseActions(sessions, now)).toEqual({ book: false, cancel: false });
  });

  it("does not offer booking when every free session's registration is closed", () => {
    const sessions = [session(1, { registrationOpen: false }), session(2, { registrationOpen: false })];
    expect(courseActions(sessions, now)).toEqual({ book: false, cancel: false });
  });
});

const place = (over: Partial<CourseSessionPlace>): CourseSessionPlace => ({
  sessionId: "s1",
  startsAt: "2027-03-08T11:00:00.000Z",
  endsAt: "2027-03-08T12:00:00.000Z",
  status: "registered",
  waitlistPosition: null,
  changed: true,
  skipped: null,
  ...over,
});

describe("courseOutcomeKind", () => {
  it("tells a new place, a waitlist entry and a cancellation apart", () => {
    expect(courseOutcomeKind(place({}))).toBe("registered");
    expect(courseOutcomeKind(place({ status: "waitlisted", waitlistPosition: 3 }))).toBe("waitlisted");
    expect(courseOutcomeKind(place({ status: "cancelled" }))).toBe("cancelled");
    expect(courseOutcomeKind(place({ status: null }))).toBe("cancelled");
  });

  it("names why a session was left as it was", () => {
    expect(courseOutcomeKind(place({ changed: false, status: null, skipped: "registration_closed" }))).toBe("skipped_closed");
    expect(courseOutcomeKind(place({ changed: false, status: "attended", skipped: "attendance_recorded" }))).toBe("skipped_recorded");
    expect(courseOutcomeKind(place({ changed: false, status: "cancelled" }))).toBe("unchanged");
  });

  it("says when I already held the place or waited before the call", () => {
    expect(courseOutcomeKind(place({ changed: false }))).toBe("already_registered");
    expect(courseOutcomeKind(place({ changed: false, status: "waitlisted", waitlistPosition: 2 }))).toBe("already_waitlisted");
  });

  it("keeps the API's session order", () => {
    const course = {
      interventionId: "i",
      interventionTitle: "Rücken fit",
      sessions: [place({ sessionId: "a" }), place({ sessionId: "b", status: "waitlisted", waitlistPosition: 1 })],
      counts: { registered: 1, waitlisted: 1 },
    };
    expect(courseOutcome(course).map((o) => [o.place.sessionId, o.kind])).toEqual([
      ["a", "registered"],
      ["b", "waitlisted"],
    ]);
  });
});

describe("refusingSession", () => {
  const sessions = [session(1), session(2)];
  it("finds the session a refusal names", () => {
    expect(refusingSession({ capacity: 1, sessionId: "s2" }, sessions)?.id).toBe("s2");
  });
  it("finds nothing when the refusal names no session of the card", () => {
    expect(refusingSession({ capacity: 1 }, sessions)).toBeNull();
    expect(refusingSession({ sessionId: "other" }, sessions)).toBeNull();
    expect(refusingSession(undefined, sessions)).toBeNull();
  });
});
