import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import { type Api, api, createTestApp, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addPerson, expectOk, inDays, interventionWithSession, makeCompany, startsIn } from "./test-fixtures.js";

/**
 * Every participation route against six callers: the manager of company A (whose data it is), the
 * manager of company B, an uninvolved partner, the partner of the engagement the intervention came
 * from, an employee of A who holds a place, and anonymous. Partners see participation only through
 * aggregates (other routes); here they get 403 everywhere. Callers that must not succeed go first, so
 * a route that wrongly let them through would show in A's data too.
 */

type Caller = "managerA" | "managerB" | "otherPartner" | "enginePartner" | "employeeA" | "anonymous";
const CALLERS: Caller[] = ["managerB", "otherPartner", "enginePartner", "employeeA", "anonymous", "managerA"];

interface Route {
  op: string;
  url: () => string;
  body?: () => unknown;
  /** Expected statuses per caller; callers not named get the default of the route's kind. */
  expect: Partial<Record<Caller, number[]>>;
}

let t: TestApp;
const as = {} as Record<Caller, Api>;
const ids: Record<string, string> = {};
const MARKER = "Firmengeheimnis A";

const MANAGER_ONLY = { managerA: [200], managerB: [404], otherPartner: [403], enginePartner: [403], employeeA: [403], anonymous: [401] };
const EMPLOYEE_ONLY = {
  managerA: [403],
  managerB: [403, 404],
  otherPartner: [403],
  enginePartner: [403],
  employeeA: [200],
  anonymous: [401],
};

beforeAll(async () => {
  t = await createTestApp();
  const w = await makeEngagementWorld(t, { until: "in_progress", offering: { title: "Bewegte Pause" }, companyName: "Firma A" });
  const b = await makeCompany(t, "Firma B");
  const other = await signUpProvider(t.app, { name: "Fremder Partner" });
  const employee = await addPerson(t, w.company, { account: true, firstName: "Erika", lastName: MARKER });
  const walkIn = await addPerson(t, w.company, { firstName: "Walter", lastName: "Walk" });
  Object.assign(as, {
    managerA: w.asCompany,
    managerB: b.asManager,
    otherPartner: api(t.app, other.cookie),
    enginePartner: w.asPartner,
    employeeA: employee.as as Api,
    anonymous: api(t.app),
  });
  const created = await w.asCompany.post("/api/interventions", {
    source: { kind: "engagement", engagementId: w.engagementId },
    targetGroup: MARKER,
  });
  expectOk(created, 201, "intervention from the engagement");
  ids.i1 = created.json().id;
  const start = inDays(6);
  const sessions = await w.asCompany.post(`/api/interventions/${ids.i1}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    capacity: 5,
    location: MARKER,
    repeat: { count: 3 },
  });
  expectOk(sessions, 201, "sessions");
  [ids.s1, ids.s2, ids.s3] = sessions.json().sessions.map((s: { id: string }) => s.id);
  ids.i2 = (await interventionWithSession(w.asCompany, { title: "Zum Absagen" })).interventionId;
  ids.i3 = (await interventionWithSession(w.asCompany, { title: "Zum Schließen" })).interventionId;
  expectOk((await employee.as?.post(`/api/me/participation-sessions/${ids.s1}/registration`)) as LightMyRequestResponse, 201, "register");
  // The first date has begun: attendance can be taken.
  await startsIn(w.asCompany, ids.s1 as string, -5);
  ids.employee = employee.employeeId;
  ids.walkIn = walkIn.employeeId;
}, 300_000);
afterAll(() => t?.close());

const ROUTES: Route[] = [
  {
    op: "POST /api/interventions",
    url: () => "/api/interventions",
    body: () => ({ title: "Neuer Kurs", category: "movement" }),
    expect: { ...MANAGER_ONLY, managerA: [201], managerB: [201] },
  },
  { op: "GET /api/interventions", url: () => "/api/interventions", expect: { ...MANAGER_ONLY, managerB: [200] } },
  { op: "GET /api/interventions/{id}", url: () => `/api/interventions/${ids.i1}`, expect: MANAGER_ONLY },
  {
    op: "PATCH /api/interventions/{id}",
    url: () => `/api/interventions/${ids.i1}`,
    body: () => ({ description: "neu" }),
    expect: MANAGER_ONLY,
  },
  { op: "POST /api/interventions/{id}/close", url: () => `/api/interventions/${ids.i3}/close`, expect: MANAGER_ONLY },
  { op: "POST /api/interventions/{id}/reopen", url: () => `/api/interventions/${ids.i3}/reopen`, expect: MANAGER_ONLY },
  { op: "POST /api/interventions/{id}/cancel", url: () => `/api/interventions/${ids.i2}/cancel`, expect: MANAGER_ONLY },
  {
    op: "POST /api/interventions/{id}/sessions",
    url: () => `/api/interventions/${ids.i1}/sessions`,
    body: () => ({ startsAt: inDays(30).toISOString(), endsAt: inDays(30, 13).toISOString(), capacity: 4 }),
    expect: { ...MANAGER_ONLY, managerA: [201] },
  },
  {
    op: "PATCH /api/participation-sessions/{id}",
    url: () => `/api/participation-sessions/${ids.s1}`,
    body: () => ({ capacity: 6 }),
    expect: MANAGER_ONLY,
  },
  { op: "POST /api/participation-sessions/{id}/cancel", url: () => `/api/participation-sessions/${ids.s2}/cancel`, expect: MANAGER_ONLY },
  { op: "POST /api/participation-sessions/{id}/reopen", url: () => `/api/participation-sessions/${ids.s2}/reopen`, expect: MANAGER_ONLY },
  {
    op: "GET /api/participation-sessions/{id}/attendance",
    url: () => `/api/participation-sessions/${ids.s1}/attendance`,
    expect: MANAGER_ONLY,
  },
  {
    op: "PUT /api/participation-sessions/{id}/attendance/{employeeId}",
    url: () => `/api/participation-sessions/${ids.s1}/attendance/${ids.employee}`,
    body: () => ({ status: "attended" }),
    expect: MANAGER_ONLY,
  },
  {
    op: "POST /api/participation-sessions/{id}/attendance/all-attended",
    url: () => `/api/participation-sessions/${ids.s1}/attendance/all-attended`,
    expect: MANAGER_ONLY,
  },
  {
    op: "POST /api/participation-sessions/{id}/walk-ins",
    url: () => `/api/participation-sessions/${ids.s1}/walk-ins`,
    body: () => ({ employeeId: ids.walkIn }),
    expect: MANAGER_ONLY,
  },
  {
    op: "DELETE /api/participation-sessions/{id}/walk-ins/{employeeId}",
    url: () => `/api/participation-sessions/${ids.s1}/walk-ins/${ids.walkIn}`,
    expect: MANAGER_ONLY,
  },
  { op: "GET /api/me/interventions", url: () => "/api/me/interventions", expect: EMPLOYEE_ONLY },
  { op: "GET /api/me/participations", url: () => "/api/me/participations", expect: EMPLOYEE_ONLY },
  {
    op: "POST /api/me/participation-sessions/{id}/registration",
    url: () => `/api/me/participation-sessions/${ids.s3}/registration`,
    expect: { ...EMPLOYEE_ONLY, employeeA: [201] },
  },
  {
    op: "DELETE /api/me/participation-sessions/{id}/registration",
    url: () => `/api/me/participation-sessions/${ids.s3}/registration`,
    expect: EMPLOYEE_ONLY,
  },
  {
    op: "POST /api/me/interventions/{id}/registration",
    url: () => `/api/me/interventions/${ids.i1}/registration`,
    expect: { ...EMPLOYEE_ONLY, employeeA: [201] },
  },
  {
    op: "DELETE /api/me/interventions/{id}/registration",
    url: () => `/api/me/interventions/${ids.i1}/registration`,
    expect: EMPLOYEE_ONLY,
  },
  {
    op: "GET /api/me/participation-sessions/{id}/calendar.ics",
    url: () => `/api/me/participation-sessions/${ids.s1}/calendar.ics`,
    expect: EMPLOYEE_ONLY,
  },
];

function call(who: Caller, r: Route) {
  const [method] = r.op.split(" ") as [string];
  const a = as[who];
  if (method === "GET") return a.get(r.url());
  if (method === "DELETE") return a.delete(r.url());
  const body = r.body?.() ?? {};
  return method === "POST" ? a.post(r.url(), body) : method === "PUT" ? a.put(r.url(), body) : a.patch(r.url(), body);
}

describe("participation authorization", () => {
  it("covers every participation route of the OpenAPI document", async () => {
    const doc = (await api(t.app).get("/api/openapi.json")).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes("participation"))
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    // Routes of the aggregate and report side carry their own matrix; every core route is here.
    const core = documented.filter((op) =>
      /\/api\/(interventions|participation-sessions|me\/(interventions|participations|participation-sessions))/.test(op),
    );
    expect(core.sort()).toEqual(ROUTES.map((r) => r.op).sort());
  });

  it("lets only the right caller through, with the agreed error bodies, and leaks nothing of A", async () => {
    const failures: string[] = [];
    for (const r of ROUTES) {
      for (const who of CALLERS) {
        const res = await call(who, r);
        const allowed = r.expect[who] ?? [];
        if (!allowed.includes(res.statusCode)) failures.push(`${r.op} as ${who}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        if (res.statusCode >= 400) {
          const body = res.json();
          if (typeof body?.error?.code !== "string" || typeof body?.error?.message !== "string")
            failures.push(`${r.op} as ${who}: no error body`);
        }
        if (who !== "managerA" && who !== "employeeA" && res.body.includes(MARKER)) failures.push(`${r.op} as ${who}: leaked A's data`);
        if (who !== "managerA" && who !== "employeeA" && Object.values(ids).some((id) => res.body.includes(id))) {
          failures.push(`${r.op} as ${who}: leaked an id of A`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
