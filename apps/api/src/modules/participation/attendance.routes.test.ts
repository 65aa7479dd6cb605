import { auditLog, participation } from "@bgm/db";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
