import { auditLog, participation } from "@bgm/db";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Api, createTestApp, type TestApp } from "../../../test/helpers.js";
import { addPerson, type CompanyWorld, interventionWithSession, makeCompany, type Person, startsIn } from "./test-fixtures.js";

let t: TestApp;
let c: CompanyWorld;
let people: Person[];
let sessionId: string;

beforeAll(async () => {
  t = await createTestApp();
  c = await makeCompany(t, "Anwesenheit GmbH");
  people = [];
  const names: [string, string, string][] = [
    ["Zoe", "Zander", "Vertrieb"],
    ["Anton", "Adler", "Produktion"],
    ["Mia", "Müller", "Verwaltung"],
    ["Ben", "Becker", "Vertrieb"],
  ];
  for (const [firstName, lastName, department] of names) {
    people.push(await addPerson(t, c.manager, { account: true, firstName, lastName, department }));
  }
  ({ sessionId } = await interventionWithSession(c.asManager, { capacity: 3, title: "Lunch & Learn" }));
  for (const p of people) await (p.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`);
  // The session has begun: the manager stands at the door.
  await startsIn(c.asManager, sessionId, -5);
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

const url = (suffix = "") => `/api/participation-sessions/${sessionId}/attendance${suffix}`;
const mark = (p: Person, status: string) => c.asManager.put(url(`/${p.employeeId}`), { status });
const person = (i: number) => people[i] as Person;

describe("the attendance list", () => {
  it("lists everyone holding a place by name with department, then the waitlist, and the summary", async () => {
    const res = await c.asManager.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.interventionTitle).toBe("Lunch & Learn");
    expect(body.rows.map((r: { lastName: string; status: string }) => [r.lastName, r.status])).toEqual([
      ["Adler", "registered"],
      ["Müller", "registered"],
      ["Zander", "registered"],
      ["Becker", "waitlisted"],
    ]);
    expect(body.rows[0]).toMatchObject({ firstName: "Anton", department: "Produktion", walkIn: false, waitlistPosition: null });
    expect(body.rows[0].changedByName).toBe("Anton Adler");
    expect(body.rows[3].waitlistPosition).toBe(1);
    expect(body.summary).toEqual({ attended: 0, expected: 3, rate: 0 });
  });

  it("marks attended and no-show, takes a mark back; each change audited with old and new status and who", async () => {
    expect((await mark(person(0), "attended")).json().summary).toEqual({ attended: 1, expected: 3, rate: 1 / 3 });
    const noShow = await mark(person(1), "no_show");
    expect(noShow.statusCode, noShow.body).toBe(200);
    const adler = noShow.json().rows.find((r: { lastName: string }) => r.lastName === "Adler");
    expect(adler).toMatchObject({ status: "no_show", changedByName: "Anwesenheit GmbH Admin" });
    // A correction: Adler came after all.
    expect((await mark(person(1), "attended")).json().summary.attended).toBe(2);
    expect((await mark(person(1), "registered")).json().summary.attended).toBe(1);
    expect((await mark(person(1), "registered")).statusCode).toBe(200);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.manager.orgId), eq(auditLog.action, "participation.attendance_set")));
    const mine = audit.filter((a) => (a.details as { employeeId: string }).employeeId === person(1).employeeId);
    expect(mine.map((a) => a.details)).toEqual([
      expect.objectContaining({ sessionId, from: "registered", to: "no_show", correction: false }),
      expect.objectContaining({ from: "no_show", to: "attended", correction: true }),
      expect.objectContaining({ from: "attended", to: "registered", correction: true }),
    ]);
    expect(mine.every((a) => a.actorUserId === c.manager.userId)).toBe(true);
  });

  it("refuses marks for people without a place: 404 without a row, 409 for waiting people", async () => {
    const waiting = await mark(person(3), "attended");
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.code).toBe("no_place");
    const stranger = await addPerson(t, c.manager);
    const none = await mark(stranger, "attended");
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe("not_registered");
    expect((await mark(person(0), "waitlisted")).statusCode).toBe(400);
  });

  it('"all attended" marks everyone still registered and leaves no-shows', async () => {
    await mark(person(1), "no_show");
    const res = await c.asManager.post(url("/all-attended"));
    expect(res.statusCode, res.body).toBe(200);
    const statuses = Object.fromEntries(res.json().rows.map((r: { lastName: string; status: string }) => [r.lastName, r.status]));
    expect(statuses).toEqual({ Adler: "no_show", Müller: "attended", Zander: "attended", Becker: "waitlisted" });
    expect(res.json().summary).toEqual({ attended: 2, expected: 3, rate: 2 / 3 });
  });

  it("adds walk-ins from the register: the waiting person and someone without a row; the summary counts them", async () => {
    const fromWaitlist = await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: person(3).employeeId });
    expect(fromWaitlist.statusCode, fromWaitlist.body).toBe(200);
    const walkIn = await addPerson(t, c.manager, { firstName: "Wanda", lastName: "Walk", department: "Lager" });
    const res = await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: walkIn.employeeId });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { lastName: string; status: string; walkIn: boolean }[];
    expect(rows.find((r) => r.lastName === "Walk")).toMatchObject({ status: "attended", walkIn: true });
    expect(rows.find((r) => r.lastName === "Becker")).toMatchObject({ status: "attended", walkIn: true });
    expect(res.json().summary).toEqual({ attended: 4, expected: 5, rate: 0.8 });
    // Again: nothing changes.
    expect(
      (await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: walkIn.employeeId })).statusCode,
    ).toBe(200);
    const stored = await t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId));
    expect(stored).toHaveLength(5);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.manager.orgId), eq(auditLog.action, "participation.walk_in")));
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ employeeId: person(3).employeeId, from: "waitlisted", to: "attended" }),
      expect.objectContaining({ employeeId: walkIn.employeeId, from: null, to: "attended" }),
    ]);
  });

  it("refuses walk-ins not in this company's register (404) and inactive people (409), writing nothing", async () => {
    const other = await makeCompany(t, "Fremdfirma");
    const foreigner = await addPerson(t, other.manager);
    const res = await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: foreigner.employeeId });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_in_register");
    const gone = await addPerson(t, c.manager, { active: false });
    const res2 = await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: gone.employeeId });
    expect(res2.statusCode).toBe(409);
    expect(res2.json().error.code).toBe("employee_inactive");
    const stored = await t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId));
    expect(stored.map((r) => r.employeeId)).not.toContain(gone.employeeId);
    expect(stored.map((r) => r.employeeId)).not.toContain(foreigner.employeeId);
  });

  it("answers another company's session with 404 on every attendance route", async () => {
    const other = await makeCompany(t, "Andere Anwesenheit");
    const foreign = await interventionWithSession(other.asManager);
    const base = `/api/participation-sessions/${foreign.sessionId}`;
    expect((await c.asManager.get(`${base}/attendance`)).statusCode).toBe(404);
    expect((await c.asManager.put(`${base}/attendance/${person(0).employeeId}`, { status: "attended" })).statusCode).toBe(404);
    expect((await c.asManager.post(`${base}/attendance/all-attended`)).statusCode).toBe(404);
    expect((await c.asManager.post(`${base}/walk-ins`, { employeeId: person(0).employeeId })).statusCode).toBe(404);
  });

  it("takes no marks on a cancelled session (409)", async () => {
    const s = await interventionWithSession(c.asManager);
    await (person(0).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`);
    await c.asManager.post(`/api/participation-sessions/${s.sessionId}/cancel`);
    const res = await c.asManager.put(`/api/participation-sessions/${s.sessionId}/attendance/${person(0).employeeId}`, {
      status: "attended",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("session_cancelled");
    const audit = await t.database.db.select().from(auditLog).where(like(auditLog.action, "participation.%"));
    expect(audit.every((a) => !JSON.stringify(a.details).includes("Zander"))).toBe(true);
  });
});

describe("before the session", () => {
  it("refuses marks, all-attended and walk-ins until half an hour before the start (422 session_not_started), writing nothing", async () => {
    const s = await interventionWithSession(c.asManager, { startsInDays: 3 });
    const base = `/api/participation-sessions/${s.sessionId}`;
    expect((await (person(0).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`)).statusCode).toBe(201);
    const stranger = await addPerson(t, c.manager);
    const answers = [
      await c.asManager.put(`${base}/attendance/${person(0).employeeId}`, { status: "attended" }),
      await c.asManager.put(`${base}/attendance/${person(0).employeeId}`, { status: "no_show" }),
      await c.asManager.post(`${base}/attendance/all-attended`),
      await c.asManager.post(`${base}/walk-ins`, { employeeId: stranger.employeeId }),
    ];
    const { session } = (await c.asManager.get(`${base}/attendance`)).json();
    const opensAt = new Date(new Date(session.startsAt).getTime() - 30 * 60_000).toISOString();
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: "session_not_started", details: { opensAt } });
    }
    const stored = await t.database.db.select().from(participation).where(eq(participation.sessionId, s.sessionId));
    expect(stored.map((r) => [r.employeeId, r.status])).toEqual([[person(0).employeeId, "registered"]]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.manager.orgId), like(auditLog.action, "participation.%")));
    const marks = audit.filter(
      (a) => (a.details as { sessionId?: string }).sessionId === s.sessionId && a.action !== "participation.registered",
    );
    expect(marks).toEqual([]);

    // Twenty minutes before the start the door is open.
    await startsIn(c.asManager, s.sessionId, 20);
    expect((await c.asManager.put(`${base}/attendance/${person(0).employeeId}`, { status: "attended" })).statusCode).toBe(200);
  });

  it("keeps a session with marks from moving back into the future (409 attendance_recorded)", async () => {
    const s = await interventionWithSession(c.asManager, { startsInDays: 3 });
    await (person(0).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`);
    await startsIn(c.asManager, s.sessionId, -10);
    await c.asManager.put(`/api/participation-sessions/${s.sessionId}/attendance/${person(0).employeeId}`, { status: "attended" });
    const start = new Date(Date.now() + 7 * 24 * 3_600_000);
    const res = await c.asManager.patch(`/api/participation-sessions/${s.sessionId}`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "attendance_recorded", details: { marked: 1 } });
    // A correction of the start within the past stays possible.
    await startsIn(c.asManager, s.sessionId, -20);
  });
});

describe("taking out a walk-in added by mistake", () => {
  const remove = (sid: string, employeeId: string) => c.asManager.delete(`/api/participation-sessions/${sid}/walk-ins/${employeeId}`);
  const add = (sid: string, employeeId: string) => c.asManager.post(`/api/participation-sessions/${sid}/walk-ins`, { employeeId });

  it("deletes a row the walk-in made, puts a waiting person back in their place in the queue; both audited", async () => {
    const s = await interventionWithSession(c.asManager, { capacity: 1, startsInDays: 2 });
    for (const i of [0, 1, 2]) await (person(i).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`);
    await startsIn(c.asManager, s.sessionId, -5);
    const [before] = await t.database.db
      .select()
      .from(participation)
      .where(and(eq(participation.sessionId, s.sessionId), eq(participation.employeeId, person(2).employeeId)));
    const wrong = await addPerson(t, c.manager, { firstName: "Falsch", lastName: "Eingetragen" });
    expect((await add(s.sessionId, wrong.employeeId)).statusCode).toBe(200);
    expect((await add(s.sessionId, person(2).employeeId)).statusCode).toBe(200);

    const gone = await remove(s.sessionId, wrong.employeeId);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().rows.map((r: { lastName: string }) => r.lastName)).not.toContain("Eingetragen");
    const back = await remove(s.sessionId, person(2).employeeId);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().rows.find((r: { employeeId: string }) => r.employeeId === person(2).employeeId)).toMatchObject({
      status: "waitlisted",
      walkIn: false,
      waitlistPosition: 2,
    });
    expect(back.json().summary).toEqual({ attended: 0, expected: 1, rate: 0 });

    const stored = await t.database.db.select().from(participation).where(eq(participation.sessionId, s.sessionId));
    expect(stored.map((r) => r.employeeId)).not.toContain(wrong.employeeId);
    const restored = stored.find((r) => r.employeeId === person(2).employeeId);
    expect(restored?.queuedAt.getTime()).toBe(before?.queuedAt.getTime());

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.manager.orgId), like(auditLog.action, "participation.walk_in%")));
    const here = audit.filter((a) => (a.details as { sessionId: string }).sessionId === s.sessionId);
    expect(here.map((a) => [a.action, a.details])).toEqual([
      ["participation.walk_in", expect.objectContaining({ employeeId: wrong.employeeId, from: null, to: "attended" })],
      ["participation.walk_in", expect.objectContaining({ employeeId: person(2).employeeId, from: "waitlisted", to: "attended" })],
      ["participation.walk_in_removed", expect.objectContaining({ employeeId: wrong.employeeId, from: "attended", to: null })],
      ["participation.walk_in_removed", expect.objectContaining({ employeeId: person(2).employeeId, from: "attended", to: "waitlisted" })],
    ]);
    expect(here.every((a) => a.actorUserId === c.manager.userId)).toBe(true);
    // The added-and-removed row keeps one id in the trail.
    const wrongIds = new Set(
      here.filter((a) => (a.details as { employeeId: string }).employeeId === wrong.employeeId).map((a) => a.entityId),
    );
    expect(wrongIds.size).toBe(1);
  });

  it("refuses anyone who is not a walk-in (409 not_a_walk_in) and people without a row (404), changing nothing", async () => {
    const s = await interventionWithSession(c.asManager, { startsInDays: 2 });
    await (person(0).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`);
    await startsIn(c.asManager, s.sessionId, -5);
    await c.asManager.put(`/api/participation-sessions/${s.sessionId}/attendance/${person(0).employeeId}`, { status: "attended" });
    const registered = await remove(s.sessionId, person(0).employeeId);
    expect(registered.statusCode).toBe(409);
    expect(registered.json().error).toMatchObject({ code: "not_a_walk_in", details: { status: "attended" } });
    const none = await remove(s.sessionId, person(1).employeeId);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe("not_registered");
    const stored = await t.database.db.select().from(participation).where(eq(participation.sessionId, s.sessionId));
    expect(stored.map((r) => r.status)).toEqual(["attended"]);
  });

  it("gives a place freed before the start to the first waiting person, who is told", async () => {
    const s = await interventionWithSession(c.asManager, { capacity: 2, startsInDays: 2, title: "Früh da" });
    await (person(0).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`);
    await startsIn(c.asManager, s.sessionId, 15);
    const early = await addPerson(t, c.manager);
    await add(s.sessionId, early.employeeId);
    expect((await (person(1).as as Api).post(`/api/me/participation-sessions/${s.sessionId}/registration`)).json().status).toBe(
      "waitlisted",
    );
    t.mails.length = 0;
    const res = await remove(s.sessionId, early.employeeId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.find((r: { employeeId: string }) => r.employeeId === person(1).employeeId)?.status).toBe("registered");
    expect(t.mails.filter((m) => m.to === person(1).email).map((m) => m.subject)).toEqual(["BGM Hub: Platz frei geworden – Früh da"]);
  });

  it("answers another company's session and a person of another company's register with 404", async () => {
    const other = await makeCompany(t, "Fremde Tür GmbH");
    const foreign = await interventionWithSession(other.asManager);
    const foreigner = await addPerson(t, other.manager);
    expect((await remove(foreign.sessionId, foreigner.employeeId)).statusCode).toBe(404);
    expect((await remove(sessionId, foreigner.employeeId)).statusCode).toBe(404);
    expect((await other.asManager.delete(`/api/participation-sessions/${sessionId}/walk-ins/${person(3).employeeId}`)).statusCode).toBe(
      404,
    );
    const stored = await t.database.db
      .select()
      .from(participation)
      .where(and(eq(participation.sessionId, sessionId), eq(participation.employeeId, person(3).employeeId)));
    expect(stored[0]).toMatchObject({ status: "attended", walkIn: true });
  });
});
