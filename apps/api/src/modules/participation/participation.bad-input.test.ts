import { auditLog, participation, participationSession } from "@bgm/db";
import { ErrorBody } from "@bgm/domain";
import { asc, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, createTestApp, type TestApp } from "../../../test/helpers.js";
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

/**
 * The list of bad input and failure, each through the HTTP API: registration after the deadline,
 * on a full session without waitlist, for a foreign company's session, by an employee marked inactive;
 * attendance for a person who is not registered or not in the register; and the refusals around them.
 * Each answers a clear 404/409/422 (400 for malformed input) with the one error body, and leaves the
 * company's places, sessions and audit log exactly as they were.
 */

let t: TestApp;
let c: CompanyWithPeople;
let inactive: Person;
let stranger: Person;
let foreignPerson: Person;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  c = await companyWithPeople(t, "Falscheingabe GmbH", 3);
  inactive = await addPerson(t, c.manager, { account: true, active: false });
  stranger = await addPerson(t, c.manager);
  const reg = async (i: number, sessionId: string) =>
    expectOk(await me(i).post(`/api/me/participation-sessions/${sessionId}/registration`), 201, "register");

  ids.deadline = (await interventionWithSession(c.asManager, { deadline: new Date(Date.now() - 60_000) })).sessionId;
  ids.full = (await interventionWithSession(c.asManager, { capacity: 1, waitlistEnabled: false })).sessionId;
  await reg(0, ids.full);
  ids.cancelled = (await interventionWithSession(c.asManager)).sessionId;
  expectOk(await c.asManager.post(`/api/participation-sessions/${ids.cancelled}/cancel`), 200, "cancel");
  ids.started = (await interventionWithSession(c.asManager, { capacity: 1 })).sessionId;
  await reg(0, ids.started);
  await reg(1, ids.started);
  await startsIn(c.asManager, ids.started, -5);
  ids.ahead = (await interventionWithSession(c.asManager, { capacity: 2, startsInDays: 3 })).sessionId;
  await reg(0, ids.ahead);
  await reg(1, ids.ahead);

  const course = await courseWithSessions(c.asManager, {
    title: "Kurs ohne Warteliste",
    startsInDays: 4,
    hour: 12,
    location: "",
    capacity: 1,
    waitlistEnabled: false,
    count: 3,
  });
  ids.course = course.id;
  ids.courseLast = course.sessions[2] as string;
  await reg(1, ids.courseLast as string);

  const other = await makeCompany(t, "Fremdfirma Eingabe");
  ids.foreign = (await interventionWithSession(other.asManager)).sessionId;
  ids.foreignIntervention = (await other.asManager.get("/api/interventions")).json().items[0].id;
  foreignPerson = await addPerson(t, other.manager);
}, 120_000);
afterAll(() => t?.close());

/** Everything a refusal must leave alone: every place, every session's state, the audit log. */
async function state() {
  const places = await t.database.db
    .select({ id: participation.id, status: participation.status, walkIn: participation.walkIn, changedAt: participation.changedAt })
    .from(participation)
    .orderBy(asc(participation.id));
  const sessions = await t.database.db
    .select({
      id: participationSession.id,
      status: participationSession.status,
      capacity: participationSession.capacity,
      seq: participationSession.icsSequence,
    })
    .from(participationSession)
    .orderBy(asc(participationSession.id));
  const [audit] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { places, sessions, audit: audit?.n };
}

interface BadCase {
  what: string;
  send: () => Promise<LightMyRequestResponse>;
  status: number;
  code: string;
  details?: () => Record<string, unknown>;
}

function me(i: number): Api {
  return (c.people[i] as Person).as as Api;
}
const session = (key: string) => `/api/participation-sessions/${ids[key]}`;

const CASES: BadCase[] = [
  {
    what: "registration after the deadline",
    send: () => me(2).post(`/api/me/participation-sessions/${ids.deadline}/registration`),
    status: 409,
    code: "registration_closed",
  },
  {
    what: "registration on a full session without waitlist",
    send: () => me(2).post(`/api/me/participation-sessions/${ids.full}/registration`),
    status: 409,
    code: "session_full",
    details: () => ({ capacity: 1 }),
  },
  {
    what: "registration for a foreign company's session",
    send: () => me(2).post(`/api/me/participation-sessions/${ids.foreign}/registration`),
    status: 404,
    code: "not_found",
  },
  {
    what: "registration by an employee marked inactive",
    send: () => (inactive.as as Api).post(`/api/me/participation-sessions/${ids.ahead}/registration`),
    status: 409,
    code: "employee_inactive",
  },
  {
    what: "whole-course registration by an employee marked inactive",
    send: () => (inactive.as as Api).post(`/api/me/interventions/${ids.course}/registration`),
    status: 409,
    code: "employee_inactive",
  },
  {
    what: "whole-course registration with one date full and no waitlist (the earlier dates stay unwritten)",
    send: () => me(2).post(`/api/me/interventions/${ids.course}/registration`),
    status: 409,
    code: "session_full",
    details: () => ({ sessionId: ids.courseLast, capacity: 1 }),
  },
  {
    what: "whole-course registration for a foreign company's intervention",
    send: () => me(2).post(`/api/me/interventions/${ids.foreignIntervention}/registration`),
    status: 404,
    code: "not_found",
  },
  {
    what: "registration once the session has started",
    send: () => me(2).post(`/api/me/participation-sessions/${ids.started}/registration`),
    status: 409,
    code: "session_started",
  },
  {
    what: "registration for a cancelled session",
    send: () => me(2).post(`/api/me/participation-sessions/${ids.cancelled}/registration`),
    status: 409,
    code: "session_cancelled",
  },
  {
    what: "cancelling without a registration",
    send: () => me(2).delete(`/api/me/participation-sessions/${ids.started}/registration`),
    status: 404,
    code: "not_registered",
  },
  {
    what: "cancelling once the session has started",
    send: () => me(0).delete(`/api/me/participation-sessions/${ids.started}/registration`),
    status: 409,
    code: "session_started",
  },
  {
    what: "attendance for a person of the register who is not registered",
    send: () => c.asManager.put(`${session("started")}/attendance/${stranger.employeeId}`, { status: "attended" }),
    status: 404,
    code: "not_registered",
  },
  {
    what: "attendance for a person of another company's register",
    send: () => c.asManager.put(`${session("started")}/attendance/${foreignPerson.employeeId}`, { status: "attended" }),
    status: 404,
    code: "not_registered",
  },
  {
    what: "attendance for a waiting person",
    send: () => c.asManager.put(`${session("started")}/attendance/${c.people[1]?.employeeId}`, { status: "attended" }),
    status: 409,
    code: "no_place",
  },
  {
    what: "attendance for a session that has not started",
    send: () => c.asManager.put(`${session("ahead")}/attendance/${c.people[0]?.employeeId}`, { status: "attended" }),
    status: 422,
    code: "session_not_started",
  },
  {
    what: '"all attended" for a session that has not started',
    send: () => c.asManager.post(`${session("ahead")}/attendance/all-attended`),
    status: 422,
    code: "session_not_started",
  },
  {
    what: "a walk-in who is not in the register",
    send: () => c.asManager.post(`${session("started")}/walk-ins`, { employeeId: foreignPerson.employeeId }),
    status: 404,
    code: "not_in_register",
  },
  {
    what: "a walk-in marked inactive",
    send: () => c.asManager.post(`${session("started")}/walk-ins`, { employeeId: inactive.employeeId }),
    status: 409,
    code: "employee_inactive",
  },
  {
    what: "taking out a registered person as if they were a walk-in",
    send: () => c.asManager.delete(`${session("started")}/walk-ins/${c.people[0]?.employeeId}`),
    status: 409,
    code: "not_a_walk_in",
  },
  {
    what: "lowering the capacity below the places held",
    send: () => c.asManager.patch(session("ahead"), { capacity: 1 }),
    status: 409,
    code: "capacity_below_places",
  },
  {
    what: "a session that ends before it starts",
    send: () => c.asManager.patch(session("ahead"), { endsAt: inDays(1).toISOString() }),
    status: 422,
    code: "unprocessable",
  },
  {
    what: "a malformed session id",
    send: () => c.asManager.put("/api/participation-sessions/kein-termin/attendance/kein-mensch", { status: "attended" }),
    status: 400,
    code: "validation_failed",
  },
  {
    what: "a status attendance cannot set",
    send: () => c.asManager.put(`${session("started")}/attendance/${c.people[0]?.employeeId}`, { status: "waitlisted" }),
    status: 400,
    code: "validation_failed",
  },
];

describe("bad input to participation", () => {
  it.each(CASES.map((x) => [x.what, x] as const))("%s: a clear error and nothing written", async (_, x) => {
    const before = await state();
    const res = await x.send();
    expect(res.statusCode, res.body).toBe(x.status);
    expect(ErrorBody.safeParse(res.json()).success, res.body).toBe(true);
    expect(res.json().error.code).toBe(x.code);
    if (x.details) expect(res.json().error.details).toMatchObject(x.details());
    expect(await state()).toEqual(before);
  });
});
