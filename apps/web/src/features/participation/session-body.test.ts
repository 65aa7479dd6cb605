import { describe, expect, it } from "vitest";
import type { SessionItem } from "./api/types";
import { createSessionsBody, EMPTY_SESSION, sessionValues, updateSessionBody } from "./session-body";

const lunch = { ...EMPTY_SESSION, date: "2027-03-15", startTime: "12:00", endTime: "13:00", location: " Kantine ", capacity: 10 };

describe("createSessionsBody", () => {
  it("reads the times on Berlin clocks and sends one session", () => {
    expect(createSessionsBody(lunch)).toEqual({
      startsAt: "2027-03-15T11:00:00.000Z",
      endsAt: "2027-03-15T12:00:00.000Z",
      registrationDeadline: null,
      location: "Kantine",
      onlineUrl: null,
      capacity: 10,
      waitlistEnabled: true,
    });
  });

  it("sends a weekly series of 8 in one request", () => {
    const body = createSessionsBody({ ...lunch, repeat: true, count: 8, everyWeeks: "1" });
    expect(body).toMatchObject({ repeat: { count: 8, everyWeeks: 1 } });
  });

  it("takes a deadline date without a time as the end of that day", () => {
    expect(createSessionsBody({ ...lunch, deadlineDate: "2027-03-14" })).toMatchObject({
      registrationDeadline: "2027-03-14T22:59:00.000Z",
    });
  });

  it("names what does not add up", () => {
    expect(createSessionsBody({ ...lunch, endTime: "" })).toBe("incomplete");
    expect(createSessionsBody({ ...lunch, endTime: "11:00" })).toBe("endBeforeStart");
    expect(createSessionsBody({ ...lunch, deadlineDate: "2027-03-16" })).toBe("deadlineAfterStart");
  });
});

describe("updateSessionBody", () => {
  const session: SessionItem = {
    id: "0b3f1f7c-1b2a-4c3d-8e9f-1a2b3c4d5e6f",
    interventionId: "1c4f2e8d-2b3a-4d5e-9f0a-2b3c4d5e6f70",
    startsAt: "2027-03-15T11:00:00.000Z",
    endsAt: "2027-03-15T12:00:00.000Z",
    location: "Kantine",
    onlineUrl: null,
    capacity: 10,
    registrationDeadline: null,
    waitlistEnabled: true,
    status: "scheduled",
    counts: { registered: 10, waitlisted: 1, attended: 0, noShow: 0 },
  };

  it("round-trips a session through the form unchanged", () => {
    expect(updateSessionBody(sessionValues(session), session)).toBeNull();
  });

  it("sends only the moved start and end, and the new place", () => {
    const v = { ...sessionValues(session), startTime: "12:30", endTime: "13:30", location: "Raum 2.14" };
    expect(updateSessionBody(v, session)).toEqual({
      startsAt: "2027-03-15T11:30:00.000Z",
      endsAt: "2027-03-15T12:30:00.000Z",
      location: "Raum 2.14",
    });
  });
});
