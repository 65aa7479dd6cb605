import { auditLog, participation } from "@bgm/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Api, createTestApp, type TestApp } from "../../../test/helpers.js";
import {
  addPerson,
  type CompanyWithPeople,
  companyWithPeople,
  courseWithSessions,
  expectOk,
  inDays,
  makeCompany,
  type Person,
} from "./test-fixtures.js";

/**
 * Whole-course registration: a §20 course is usually booked as a whole. One call registers for every
 * session still ahead (or gives them all up), in one transaction, each session through the same locked
 * core as a single registration.
 */

let t: TestApp;
let c: CompanyWithPeople;

beforeAll(async () => {
  t = await createTestApp();
  c = await companyWithPeople(t, "Kurs GmbH", 6);
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

const me = (i: number) => c.people[i]?.as as Api;
const person = (i: number) => c.people[i] as Person;
const mailsTo = (i: number) => t.mails.filter((m) => m.to === person(i).email);
const book = (i: number, id: string) => me(i).post(`/api/me/interventions/${id}/registration`);
const unbook = (i: number, id: string) => me(i).delete(`/api/me/interventions/${id}/registration`);
const rowsOf = (i: number, sessionIds: string[]) =>
  t.database.db
    .select()
    .from(participation)
    .where(and(eq(participation.employeeId, person(i).employeeId), inArray(participation.sessionId, sessionIds)));

describe("registering for a whole course", () => {
  it("takes every session ahead in one call: places, the waitlist where full; one mail with a .ics per place", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Rückenfit kompakt", capacity: 1 });
    const [s1, s2, s3] = k.sessions as [string, string, string];
    expectOk(await me(1).post(`/api/me/participation-sessions/${s2}/registration`), 201, "single");
    t.mails.length = 0;

    const res = await book(0, k.id);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ interventionId: k.id, interventionTitle: "Rückenfit kompakt", counts: { registered: 2, waitlisted: 1 } });
    expect(body.sessions.map((s: { sessionId: string; status: string; waitlistPosition: number | null; changed: boolean }) => s)).toEqual([
      expect.objectContaining({ sessionId: s1, status: "registered", waitlistPosition: null, changed: true, skipped: null }),
      expect.objectContaining({ sessionId: s2, status: "waitlisted", waitlistPosition: 1, changed: true, skipped: null }),
      expect.objectContaining({ sessionId: s3, status: "registered", changed: true }),
    ]);

    const mails = mailsTo(0);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("BGM Hub: Kursanmeldung bestätigt – Rückenfit kompakt");
    expect(mails[0]?.text).toContain("(Warteliste, Position 1)");
    const files = mails[0]?.attachments ?? [];
    expect(files.map((f) => f.filename)).toEqual(["termin-1.ics", "termin-2.ics"]);
    expect(files[0]?.content).toContain("METHOD:REQUEST");
    expect(files[0]?.content).toContain(`UID:participation-session-${s1}@localhost`);
    expect(files[1]?.content).toContain(`UID:participation-session-${s3}@localhost`);
    expect(mailsTo(1)).toEqual([]);

    // Again: every place is already mine; nothing changes, nobody is mailed.
    t.mails.length = 0;
    const again = await book(0, k.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().sessions.every((s: { changed: boolean }) => !s.changed)).toBe(true);
    expect(t.mails).toEqual([]);
    expect(await rowsOf(0, k.sessions)).toHaveLength(3);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.manager.orgId), inArray(auditLog.action, ["participation.registered", "participation.waitlisted"])));
    const mine = audit.filter((a) => (a.details as { employeeId: string }).employeeId === person(0).employeeId);
    expect(mine).toHaveLength(3);
  });

  it("leaves out a session past its deadline, cancelled and past sessions; 409 when no session can be booked", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Stressfrei" });
    const [s1, s2, s3] = k.sessions as [string, string, string];
    expectOk(
      await c.asManager.patch(`/api/participation-sessions/${s1}`, { registrationDeadline: new Date(Date.now() - 60_000).toISOString() }),
      200,
      "deadline passed",
    );
    expectOk(await c.asManager.post(`/api/participation-sessions/${s3}/cancel`), 200, "cancel s3");
    // A date that already took place (recorded afterwards) is not "ahead".
    expectOk(
      await c.asManager.post(`/api/interventions/${k.id}/sessions`, {
        startsAt: inDays(-7).toISOString(),
        endsAt: inDays(-7, 13).toISOString(),
        capacity: 5,
      }),
      201,
      "past session",
    );
    const res = await book(0, k.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().sessions).toEqual([
      expect.objectContaining({ sessionId: s1, status: null, changed: false, skipped: "registration_closed" }),
      expect.objectContaining({ sessionId: s2, status: "registered", changed: true, skipped: null }),
    ]);
    expect((await rowsOf(0, k.sessions)).map((r) => r.sessionId)).toEqual([s2]);

    const closed = await courseWithSessions(c.asManager, { title: "Zu spät", count: 2 });
    for (const s of closed.sessions) {
      await c.asManager.patch(`/api/participation-sessions/${s}`, { registrationDeadline: new Date(Date.now() - 60_000).toISOString() });
    }
    const late = await book(0, closed.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("registration_closed");

    const empty = await c.asManager.post("/api/interventions", { title: "Noch ohne Termine", category: "movement" });
    const none = await book(0, empty.json().id);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe("no_sessions_ahead");
  });

  it("refuses the whole course when one session is full without waitlist, naming it; nothing written, no mail", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Ohne Warteliste", capacity: 1, waitlistEnabled: false });
    const s3 = k.sessions[2] as string;
    expectOk(await me(1).post(`/api/me/participation-sessions/${s3}/registration`), 201, "single");
    t.mails.length = 0;
    const res = await book(0, k.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "session_full", details: { capacity: 1, sessionId: s3 } });
    expect(await rowsOf(0, k.sessions)).toEqual([]);
    expect(t.mails).toEqual([]);
  });

  it("refuses an inactive person (409), a closed intervention (409), another company's course (404), a member outside the register (403)", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Achtsam" });
    const gone = await addPerson(t, c.manager, { account: true, active: false });
    const inactive = await (gone.as as Api).post(`/api/me/interventions/${k.id}/registration`);
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().error.code).toBe("employee_inactive");

    const closed = await courseWithSessions(c.asManager, { title: "Geschlossen" });
    await c.asManager.post(`/api/interventions/${closed.id}/close`);
    const notOpen = await book(0, closed.id);
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().error.code).toBe("intervention_not_open");

    const other = await makeCompany(t, "Fremde Kurs GmbH");
    const foreign = await courseWithSessions(other.asManager, { title: "Fremdkurs" });
    for (const res of [await book(0, foreign.id), await unbook(0, foreign.id)]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Fremdkurs");
    }
    const notInRegister = await c.asManager.post(`/api/me/interventions/${k.id}/registration`);
    expect(notInRegister.statusCode).toBe(403);
    expect(notInRegister.json().error.code).toBe("not_in_register");

    const written = await t.database.db
      .select()
      .from(participation)
      .where(inArray(participation.sessionId, [...k.sessions, ...closed.sessions, ...foreign.sessions]));
    expect(written).toEqual([]);
  });

  it("holds capacity when several people book the whole course at once", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Gleichzeitig", capacity: 2 });
    const answers = await Promise.all([0, 1, 2, 3, 4].map((i) => book(i, k.id)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const rows = await t.database.db.select().from(participation).where(inArray(participation.sessionId, k.sessions));
    for (const s of k.sessions) {
      const mine = rows.filter((r) => r.sessionId === s);
      expect(mine.filter((r) => r.status === "registered")).toHaveLength(2);
      expect(mine.filter((r) => r.status === "waitlisted")).toHaveLength(3);
    }
    // The positions told are distinct per session: 1, 2, 3.
    for (const [i, s] of k.sessions.entries()) {
      const told = answers.map((a) => a.json().sessions[i]).filter((x: { sessionId: string; status: string }) => x.status === "waitlisted");
      expect(told.every((x: { sessionId: string }) => x.sessionId === s)).toBe(true);
      expect(told.map((x: { waitlistPosition: number }) => x.waitlistPosition).sort()).toEqual([1, 2, 3]);
    }
  });
});

describe("giving up a whole course", () => {
  it("cancels every session ahead; each freed place goes to the first waiting person; one mail with a CANCEL .ics per place", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Pilates", capacity: 1, count: 2 });
    const [s1, s2] = k.sessions as [string, string];
    expectOk(await book(0, k.id), 201, "book 0");
    expectOk(await book(1, k.id), 201, "book 1");
    t.mails.length = 0;

    const res = await unbook(0, k.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessions).toEqual([
      expect.objectContaining({ sessionId: s1, status: "cancelled", changed: true }),
      expect.objectContaining({ sessionId: s2, status: "cancelled", changed: true }),
    ]);
    expect(res.json().counts).toEqual({ registered: 0, waitlisted: 0 });
    expect((await rowsOf(1, k.sessions)).map((r) => r.status)).toEqual(["registered", "registered"]);

    const [bye] = mailsTo(0);
    expect(mailsTo(0)).toHaveLength(1);
    expect(bye?.subject).toBe("BGM Hub: Kursabmeldung bestätigt – Pilates");
    expect(bye?.attachments?.map((a) => a.filename)).toEqual(["absage-1.ics", "absage-2.ics"]);
    expect(bye?.attachments?.every((a) => a.content.includes("METHOD:CANCEL"))).toBe(true);
    expect(mailsTo(1).map((m) => m.subject)).toEqual(["BGM Hub: Platz frei geworden – Pilates", "BGM Hub: Platz frei geworden – Pilates"]);
    for (const m of t.mails) {
      expect(m.text).not.toContain(person(0).lastName);
      expect(m.text).not.toContain(person(1).lastName);
    }

    t.mails.length = 0;
    const again = await unbook(0, k.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().sessions.every((s: { changed: boolean }) => !s.changed)).toBe(true);
    expect(t.mails).toEqual([]);

    const none = await unbook(2, k.id);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe("not_registered");
  });

  it("leaves a session with attendance already recorded (door open) and gives up the rest", async () => {
    const k = await courseWithSessions(c.asManager, { title: "Yoga", count: 2 });
    const [s1, s2] = k.sessions as [string, string];
    expectOk(await book(0, k.id), 201, "book");
    // The first date begins in ten minutes: the door is open and the manager has ticked her off.
    const start = new Date(Date.now() + 10 * 60_000);
    expectOk(
      await c.asManager.patch(`/api/participation-sessions/${s1}`, {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      }),
      200,
      "move",
    );
    expectOk(
      await c.asManager.put(`/api/participation-sessions/${s1}/attendance/${person(0).employeeId}`, { status: "attended" }),
      200,
      "mark",
    );
    const res = await unbook(0, k.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessions).toEqual([
      expect.objectContaining({ sessionId: s1, status: "attended", changed: false, skipped: "attendance_recorded" }),
      expect.objectContaining({ sessionId: s2, status: "cancelled", changed: true, skipped: null }),
    ]);
  });
});
