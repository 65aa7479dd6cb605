import { auditLog, employee, notification, participation, participationSession } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Api, allPages, createTestApp, type TestApp } from "../../../test/helpers.js";
import {
  addPerson,
  type CompanyWithPeople,
  companyWithPeople,
  courseWithSessions,
  expectOk,
  inDays,
  interventionWithSession,
  makeCompany,
  type Person,
  startsIn,
} from "./test-fixtures.js";

let t: TestApp;
let c: CompanyWithPeople;

beforeAll(async () => {
  t = await createTestApp();
  c = await companyWithPeople(t, "Teilnahme GmbH", [
    { firstName: "Anna", lastName: "Albers" },
    { firstName: "Bernd", lastName: "Bauer" },
    { firstName: "Clara", lastName: "Conrad" },
    { firstName: "Dieter", lastName: "Dorn" },
  ]);
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

const me = (i: number) => c.people[i]?.as as Api;
const reg = (i: number, sessionId: string) => me(i).post(`/api/me/participation-sessions/${sessionId}/registration`);
const unreg = (i: number, sessionId: string) => me(i).delete(`/api/me/participation-sessions/${sessionId}/registration`);
const rows = (sessionId: string) => t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId));
const mailsTo = (i: number) => t.mails.filter((m) => m.to === c.people[i]?.email);

describe("registering and the waitlist", () => {
  it("gives places, then the waitlist with positions; registering again answers the same place", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 2 });
    const first = await reg(0, sessionId);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ sessionId, status: "registered", waitlistPosition: null, interventionTitle: "Lunch & Learn" });
    expect((await reg(1, sessionId)).json().status).toBe("registered");
    const third = await reg(2, sessionId);
    expect(third.statusCode).toBe(201);
    expect(third.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await reg(3, sessionId)).json()).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });

    const again = await reg(0, sessionId);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: "registered" });
    const againWaiting = await reg(3, sessionId);
    expect(againWaiting.statusCode).toBe(200);
    expect(againWaiting.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    expect(await rows(sessionId)).toHaveLength(4);
  });

  it("confirms a place by mail with the .ics, the waitlist by mail without one; mails name nobody else", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1, title: "Gesunde Pause" });
    await reg(0, sessionId);
    await reg(1, sessionId);
    const [confirm] = mailsTo(0);
    expect(confirm?.subject).toBe("BGM Hub: Anmeldung bestätigt – Gesunde Pause");
    expect(confirm?.text).toContain("Sie sind für „Gesunde Pause“ angemeldet.");
    expect(confirm?.text).toContain("Ort: Kantine, 2. OG");
    expect(confirm?.attachments).toHaveLength(1);
    expect(confirm?.attachments?.[0]).toMatchObject({
      filename: "termin.ics",
      contentType: "text/calendar; charset=utf-8; method=REQUEST",
    });
    expect(confirm?.attachments?.[0]?.content).toContain("METHOD:REQUEST");
    expect(confirm?.attachments?.[0]?.content).toContain(`UID:participation-session-${sessionId}@localhost`);
    const [waiting] = mailsTo(1);
    expect(waiting?.subject).toBe("BGM Hub: Warteliste – Gesunde Pause");
    expect(waiting?.text).toContain("Position 1");
    expect(waiting?.attachments).toBeUndefined();
    for (const m of t.mails) {
      for (const p of c.people) {
        expect(m.text).not.toContain(p.lastName);
        expect(m.attachments?.[0]?.content ?? "").not.toContain(p.lastName);
      }
    }
  });

  it("refuses a full session without waitlist with 409 session_full and writes nothing", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1, waitlistEnabled: false });
    await reg(0, sessionId);
    const res = await reg(1, sessionId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "session_full", details: { capacity: 1 } });
    expect(await rows(sessionId)).toHaveLength(1);
  });

  it("refuses after the deadline, on a cancelled session, on a closed or cancelled intervention", async () => {
    const late = await interventionWithSession(c.asManager, { deadline: new Date(Date.now() - 60_000) });
    const closed = await reg(0, late.sessionId);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("registration_closed");

    const off = await interventionWithSession(c.asManager);
    await c.asManager.post(`/api/participation-sessions/${off.sessionId}/cancel`);
    expect((await reg(0, off.sessionId)).json().error.code).toBe("session_cancelled");

    const done = await interventionWithSession(c.asManager);
    await c.asManager.post(`/api/interventions/${done.interventionId}/close`);
    expect((await reg(0, done.sessionId)).json().error.code).toBe("intervention_not_open");
    await c.asManager.post(`/api/interventions/${done.interventionId}/reopen`);
    expect((await reg(0, done.sessionId)).statusCode).toBe(201);
    for (const s of [late.sessionId, off.sessionId]) expect(await rows(s)).toHaveLength(0);
  });

  it("refuses a person marked inactive in the register (409 employee_inactive)", async () => {
    const gone = await addPerson(t, c.manager, { account: true, active: false });
    const { sessionId } = await interventionWithSession(c.asManager);
    const res = await (gone.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("employee_inactive");
  });

  it("answers 404 for another company's session and 403 for a member who is not in the register", async () => {
    const other = await makeCompany(t, "Andere GmbH");
    const foreign = await interventionWithSession(other.asManager);
    const res = await reg(0, foreign.sessionId);
    expect(res.statusCode).toBe(404);
    expect(await rows(foreign.sessionId)).toHaveLength(0);
    const own = await interventionWithSession(c.asManager);
    const manager = await c.asManager.post(`/api/me/participation-sessions/${own.sessionId}/registration`);
    expect(manager.statusCode).toBe(403);
    expect(manager.json().error.code).toBe("not_in_register");
  });

  it("lets a manager who is also in the register take a place", async () => {
    const boss = await makeCompany(t, "Chefin GmbH");
    // The manager's own row in the register, linked to her account.
    await t.database.db.insert(employee).values({
      orgId: boss.manager.orgId,
      firstName: "Petra",
      lastName: "Chefin",
      email: boss.manager.email,
      department: "Leitung",
      userId: boss.manager.userId,
    });
    const { sessionId } = await interventionWithSession(boss.asManager);
    expect((await boss.asManager.post(`/api/me/participation-sessions/${sessionId}/registration`)).statusCode).toBe(201);
  });
});

describe("cancelling and moving up", () => {
  it("frees the place for the first waiting person (by queue time), who is notified and mailed the .ics", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1, title: "Achtsamkeit" });
    await reg(0, sessionId);
    await reg(1, sessionId);
    await reg(2, sessionId);
    t.mails.length = 0;
    const res = await unreg(0, sessionId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "cancelled" });
    const byEmployee = new Map((await rows(sessionId)).map((r) => [r.employeeId, r.status]));
    expect(byEmployee.get(c.people[1]?.employeeId as string)).toBe("registered");
    expect(byEmployee.get(c.people[2]?.employeeId as string)).toBe("waitlisted");

    const [promoted] = mailsTo(1);
    expect(promoted?.subject).toBe("BGM Hub: Platz frei geworden – Achtsamkeit");
    expect(promoted?.attachments?.[0]?.content).toContain("METHOD:REQUEST");
    const [bye] = mailsTo(0);
    expect(bye?.subject).toBe("BGM Hub: Abmeldung bestätigt – Achtsamkeit");
    expect(bye?.attachments?.[0]?.content).toContain("METHOD:CANCEL");
    expect(mailsTo(2)).toEqual([]);
    const notes = await t.database.db
      .select()
      .from(notification)
      .where(eq(notification.userId, c.people[1]?.userId as string));
    expect(notes.map((n) => n.title)).toContain("Platz frei geworden");
    const list = (await me(2).get("/api/me/interventions")).json().items;
    const mine = list
      .flatMap((i: { sessions: { id: string; mine: unknown }[] }) => i.sessions)
      .find((s: { id: string }) => s.id === sessionId);
    expect(mine.mine).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.manager.orgId), eq(auditLog.action, "participation.promoted")));
    expect(audit.some((a) => (a.details as { sessionId: string }).sessionId === sessionId)).toBe(true);
  });

  it("re-registering after cancelling reuses the row and queues at the end", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1 });
    await reg(0, sessionId);
    await reg(1, sessionId);
    await unreg(1, sessionId);
    await reg(2, sessionId);
    const back = await reg(1, sessionId);
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    const mine = (await rows(sessionId)).filter((r) => r.employeeId === c.people[1]?.employeeId);
    expect(mine).toHaveLength(1);
  });

  it("is idempotent once cancelled; refuses without a row (404) and after attendance (409)", async () => {
    const { sessionId } = await interventionWithSession(c.asManager);
    expect((await unreg(0, sessionId)).statusCode).toBe(404);
    await reg(0, sessionId);
    expect((await unreg(0, sessionId)).statusCode).toBe(200);
    expect((await unreg(0, sessionId)).statusCode).toBe(200);
    await reg(1, sessionId);
    // Ten minutes before the start the door is open: marked attended, the place can no longer be given up.
    await startsIn(c.asManager, sessionId, 10);
    expectOk(
      await c.asManager.put(`/api/participation-sessions/${sessionId}/attendance/${c.people[1]?.employeeId}`, { status: "attended" }),
      200,
      "mark",
    );
    const res = await unreg(1, sessionId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("attendance_recorded");
  });
});

describe("every path that frees places moves the waitlist up", () => {
  it("reopening gives the places freed while the intervention was closed to the queue, before anyone new", async () => {
    const { interventionId, sessionId } = await interventionWithSession(c.asManager, { capacity: 1, title: "Pilates" });
    await reg(0, sessionId);
    await reg(1, sessionId);
    await reg(2, sessionId);
    expectOk(await c.asManager.post(`/api/interventions/${interventionId}/close`), 200, "close");
    t.mails.length = 0;
    // While closed: a place given up and one more place; nobody can move up or register.
    expect((await unreg(0, sessionId)).statusCode).toBe(200);
    expectOk(await c.asManager.patch(`/api/participation-sessions/${sessionId}`, { capacity: 2 }), 200, "capacity");
    expect((await reg(3, sessionId)).json().error.code).toBe("intervention_not_open");
    let byEmployee = new Map((await rows(sessionId)).map((r) => [r.employeeId, r.status]));
    expect([byEmployee.get(c.people[1]?.employeeId as string), byEmployee.get(c.people[2]?.employeeId as string)]).toEqual([
      "waitlisted",
      "waitlisted",
    ]);
    expect([...mailsTo(1), ...mailsTo(2)]).toEqual([]);

    // Another company cannot reopen it.
    const other = await makeCompany(t, "Fremde Öffnung GmbH");
    expect((await other.asManager.post(`/api/interventions/${interventionId}/reopen`)).statusCode).toBe(404);

    const res = await c.asManager.post(`/api/interventions/${interventionId}/reopen`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessions[0].counts).toMatchObject({ registered: 2, waitlisted: 0 });
    byEmployee = new Map((await rows(sessionId)).map((r) => [r.employeeId, r.status]));
    expect([byEmployee.get(c.people[1]?.employeeId as string), byEmployee.get(c.people[2]?.employeeId as string)]).toEqual([
      "registered",
      "registered",
    ]);
    for (const i of [1, 2]) {
      expect(mailsTo(i).map((m) => m.subject)).toEqual(["BGM Hub: Platz frei geworden – Pilates"]);
      expect(mailsTo(i)[0]?.attachments?.[0]?.content).toContain("METHOD:REQUEST");
      const notes = await t.database.db
        .select()
        .from(notification)
        .where(eq(notification.userId, c.people[i]?.userId as string));
      expect(notes.some((n) => n.kind === "participation.promoted" && n.body.includes("Pilates"))).toBe(true);
    }
    // The newcomer queues behind them.
    expect((await reg(3, sessionId)).json()).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    // Reopening again changes nothing and mails nobody.
    t.mails.length = 0;
    expectOk(await c.asManager.post(`/api/interventions/${interventionId}/reopen`), 200, "reopen again");
    expect(t.mails).toEqual([]);
  });
});

describe("the employee's start page and history", () => {
  it("lists open interventions with future sessions, free places and my place", async () => {
    const fresh = await companyWithPeople(t, "Startseite GmbH", 2);
    const [ana, bob] = fresh.people as [Person, Person];
    const a = await interventionWithSession(fresh.asManager, { capacity: 1, title: "Kochkurs" });
    await interventionWithSession(fresh.asManager, { title: "Vorbei", startsInDays: -3 });
    const closed = await interventionWithSession(fresh.asManager, { title: "Geschlossen" });
    await fresh.asManager.post(`/api/interventions/${closed.interventionId}/close`);
    await (ana.as as Api).post(`/api/me/participation-sessions/${a.sessionId}/registration`);

    const res = await (bob.as as Api).get("/api/me/interventions");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nextCursor).toBeNull();
    expect(res.json().items.map((i: { title: string }) => i.title)).toEqual(["Kochkurs"]);
    expect(res.json().items[0].sessions[0]).toMatchObject({ freePlaces: 0, registrationOpen: true, mine: null, capacity: 1 });
    const mine = (await (ana.as as Api).get("/api/me/interventions")).json().items[0].sessions[0];
    expect(mine.mine).toMatchObject({ status: "registered", waitlistPosition: null });
  });

  it("pages my history, latest session first", async () => {
    const fresh = await companyWithPeople(t, "Historie GmbH", 1);
    const [ana] = fresh.people as [Person];
    for (const days of [3, 5, 9]) {
      const { sessionId } = await interventionWithSession(fresh.asManager, { title: `In ${days} Tagen`, startsInDays: days });
      await (ana.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`);
    }
    const { items, pages } = await allPages<{ interventionTitle: string; status: string }>(ana.as as Api, "/api/me/participations", 2);
    expect(pages).toBe(2);
    expect(items.map((i) => i.interventionTitle)).toEqual(["In 9 Tagen", "In 5 Tagen", "In 3 Tagen"]);
  });
});

describe("calendar files", () => {
  it("downloads the .ics of a session I hold a place in; others get 404", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1 });
    await reg(0, sessionId);
    await reg(1, sessionId);
    const res = await me(0).get(`/api/me/participation-sessions/${sessionId}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain("termin.ics");
    const ics = res.body.replace(/\r\n /g, "");
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}\r\n/);
    expect(ics).toContain(`UID:participation-session-${sessionId}@localhost`);
    expect(ics).toContain("SEQUENCE:0");
    expect((await me(1).get(`/api/me/participation-sessions/${sessionId}/calendar.ics`)).statusCode).toBe(404);
    expect((await me(2).get(`/api/me/participation-sessions/${sessionId}/calendar.ics`)).statusCode).toBe(404);
  });

  it("a new title or description resends every place holder's .ics: same UID, SEQUENCE+1, METHOD:REQUEST", async () => {
    const { id, sessions } = await courseWithSessions(c.asManager, {
      title: "Rücken",
      description: "Alt",
      startsInDays: 5,
      hour: 12,
      location: "",
      capacity: 1,
      count: 2,
    });
    const [s1, s2] = sessions as [string, string];
    await reg(0, s1);
    await reg(0, s2);
    await reg(1, s1);
    t.mails.length = 0;

    expectOk(await c.asManager.patch(`/api/interventions/${id}`, { title: "Rücken kompakt" }), 200, "title");
    const [changed] = mailsTo(0);
    expect(mailsTo(0)).toHaveLength(1);
    expect(changed?.subject).toBe("BGM Hub: Angebot geändert – Rücken kompakt");
    const files = changed?.attachments ?? [];
    expect(files.map((f) => f.filename)).toEqual(["termin-1.ics", "termin-2.ics"]);
    for (const [i, s] of [s1, s2].entries()) {
      const ics = (files[i]?.content ?? "").replace(/\r\n /g, "");
      expect(ics).toContain("METHOD:REQUEST");
      expect(ics).toContain(`UID:participation-session-${s}@localhost`);
      expect(ics).toContain("SEQUENCE:1");
      expect(ics).toContain("SUMMARY:Rücken kompakt");
    }
    // Waiting people hold no calendar entry.
    expect(mailsTo(1)).toEqual([]);

    // A field that is not in the calendar: no mail, no new SEQUENCE.
    t.mails.length = 0;
    expectOk(await c.asManager.patch(`/api/interventions/${id}`, { targetGroup: "Alle" }), 200, "target group");
    expect(t.mails).toEqual([]);

    expectOk(await c.asManager.patch(`/api/interventions/${id}`, { description: "Neu: mit Matte" }), 200, "description");
    const desc = (mailsTo(0)[0]?.attachments?.[0]?.content ?? "").replace(/\r\n /g, "");
    expect(desc).toContain("SEQUENCE:2");
    expect(desc).toContain("DESCRIPTION:Neu: mit Matte");
    const download = (await me(0).get(`/api/me/participation-sessions/${s1}/calendar.ics`)).body;
    expect(download).toContain("SEQUENCE:2");
    expect(download).toContain("SUMMARY:Rücken kompakt");

    // Another company's manager changes nothing and mails nobody.
    t.mails.length = 0;
    const other = await makeCompany(t, "Fremde Titel GmbH");
    expect((await other.asManager.patch(`/api/interventions/${id}`, { title: "gekapert" })).statusCode).toBe(404);
    expect(t.mails).toEqual([]);
  });

  it("a changed session raises SEQUENCE: registered people get the updated .ics, waiting people a mail without one", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1, title: "Rückenfit" });
    await reg(0, sessionId);
    await reg(1, sessionId);
    t.mails.length = 0;
    const start = inDays(8, 15);
    const res = await c.asManager.patch(`/api/participation-sessions/${sessionId}`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      location: "Sporthalle",
    });
    expect(res.statusCode, res.body).toBe(200);
    const [changed] = mailsTo(0);
    expect(changed?.subject).toBe("BGM Hub: Termin geändert – Rückenfit");
    expect(changed?.attachments?.[0]?.content).toContain("SEQUENCE:1");
    expect(changed?.attachments?.[0]?.content).toContain("METHOD:REQUEST");
    expect(changed?.attachments?.[0]?.content).toContain(`UID:participation-session-${sessionId}@localhost`);
    expect(changed?.attachments?.[0]?.content).toContain("LOCATION:Sporthalle");
    const [waiting] = mailsTo(1);
    expect(waiting?.subject).toBe("BGM Hub: Termin geändert – Rückenfit");
    expect(waiting?.attachments).toBeUndefined();
    const ics = (await me(0).get(`/api/me/participation-sessions/${sessionId}/calendar.ics`)).body;
    expect(ics).toContain("SEQUENCE:1");

    // Capacity alone changes no calendar: no mail, no new SEQUENCE (but the waiting person moves up).
    t.mails.length = 0;
    await c.asManager.patch(`/api/participation-sessions/${sessionId}`, { capacity: 2 });
    expect(mailsTo(0)).toEqual([]);
    expect(mailsTo(1).map((m) => m.subject)).toEqual(["BGM Hub: Platz frei geworden – Rückenfit"]);
    const [row] = await t.database.db.select().from(participationSession).where(eq(participationSession.id, sessionId));
    expect(row?.icsSequence).toBe(1);
  });

  it("refuses to lower the capacity below the places held (409 capacity_below_places)", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 3 });
    await reg(0, sessionId);
    await reg(1, sessionId);
    const res = await c.asManager.patch(`/api/participation-sessions/${sessionId}`, { capacity: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "capacity_below_places", details: { placesTaken: 2, capacity: 3 } });
    const [row] = await t.database.db.select().from(participationSession).where(eq(participationSession.id, sessionId));
    expect(row?.capacity).toBe(3);
    expect((await c.asManager.patch(`/api/participation-sessions/${sessionId}`, { capacity: 2 })).statusCode).toBe(200);
  });

  it("a cancelled session sends METHOD:CANCEL to registered people and a mail to waiting people", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 1, title: "Yoga" });
    await reg(0, sessionId);
    await reg(1, sessionId);
    t.mails.length = 0;
    expectOk(await c.asManager.post(`/api/participation-sessions/${sessionId}/cancel`), 200, "cancel");
    const [cancelled] = mailsTo(0);
    expect(cancelled?.subject).toBe("BGM Hub: Termin abgesagt – Yoga");
    const ics = cancelled?.attachments?.[0]?.content ?? "";
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:1");
    expect(mailsTo(1).map((m) => [m.subject, m.attachments])).toEqual([["BGM Hub: Termin abgesagt – Yoga", undefined]]);
    const dl = (await me(0).get(`/api/me/participation-sessions/${sessionId}/calendar.ics`)).body;
    expect(dl).toContain("STATUS:CANCELLED");
  });

  it("a cancelled session taken up again gives the places back: REQUEST with the next SEQUENCE, the waitlist a mail", async () => {
    const { interventionId, sessionId } = await interventionWithSession(c.asManager, { capacity: 1, title: "Doch Yoga" });
    await reg(0, sessionId);
    await reg(1, sessionId);
    expectOk(await c.asManager.post(`/api/participation-sessions/${sessionId}/cancel`), 200, "cancel");
    t.mails.length = 0;
    const other = await makeCompany(t, "Fremde Wiederaufnahme GmbH");
    expect((await other.asManager.post(`/api/participation-sessions/${sessionId}/reopen`)).statusCode).toBe(404);
    const res = await c.asManager.post(`/api/participation-sessions/${sessionId}/reopen`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessions[0]).toMatchObject({ status: "scheduled", counts: { registered: 1, waitlisted: 1 } });
    const [back] = mailsTo(0);
    expect(back?.subject).toBe("BGM Hub: Termin findet doch statt – Doch Yoga");
    const ics = back?.attachments?.[0]?.content ?? "";
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("SEQUENCE:2");
    expect(ics).toContain(`UID:participation-session-${sessionId}@localhost`);
    expect(mailsTo(1).map((m) => [m.subject, m.attachments])).toEqual([["BGM Hub: Termin findet doch statt – Doch Yoga", undefined]]);
    // Registration is open again; taking it up twice changes nothing.
    expect((await reg(2, sessionId)).json()).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    t.mails.length = 0;
    expectOk(await c.asManager.post(`/api/participation-sessions/${sessionId}/reopen`), 200, "again");
    expect(t.mails).toEqual([]);

    // Not for a session in the past, nor once the intervention is cancelled.
    const withPast = await c.asManager.post(`/api/interventions/${interventionId}/sessions`, {
      startsAt: inDays(-2).toISOString(),
      endsAt: inDays(-2, 13).toISOString(),
      capacity: 5,
    });
    const pastId = withPast.json().sessions[0].id as string;
    await c.asManager.post(`/api/participation-sessions/${pastId}/cancel`);
    const over = await c.asManager.post(`/api/participation-sessions/${pastId}/reopen`);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("session_started");
    expectOk(await c.asManager.post(`/api/interventions/${interventionId}/cancel`), 200, "cancel intervention");
    const gone = await c.asManager.post(`/api/participation-sessions/${sessionId}/reopen`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe("intervention_cancelled");
  });

  it("cancelling an intervention tells everyone once, with one cancelling .ics per session they held", async () => {
    const { id, sessions } = await courseWithSessions(c.asManager, {
      title: "Kurs mit Serie",
      startsInDays: 4,
      hour: 12,
      location: "",
      capacity: 1,
      count: 3,
    });
    const [s1, s2] = sessions as [string, string];
    await reg(0, s1);
    await reg(0, s2);
    await reg(1, s1);
    t.mails.length = 0;
    const res = await c.asManager.post(`/api/interventions/${id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessions.every((s: { status: string }) => s.status === "cancelled")).toBe(true);
    const toAnna = mailsTo(0);
    expect(toAnna).toHaveLength(1);
    expect(toAnna[0]?.subject).toBe("BGM Hub: Angebot abgesagt – Kurs mit Serie");
    expect(toAnna[0]?.attachments?.map((a) => a.filename)).toEqual(["absage-1.ics", "absage-2.ics"]);
    expect(mailsTo(1)[0]?.attachments).toBeUndefined();
    expect(t.mails).toHaveLength(2);
  });
});
