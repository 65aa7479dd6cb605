import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authCases } from "./authz-cases/auth.js";
import { EMPLOYEE_ACCESS_PUBLIC } from "./authz-cases/employee-access.js";
import { ALL_CASES } from "./authz-cases/index.js";
import { SSO_PUBLIC } from "./authz-cases/sso.js";
import type { Case, Foreign } from "./authz-cases/types.js";
import { addMember, api, createTestApp, type OrgUser, signUp, signUpCompany, signUpProvider, type TestApp } from "./helpers.js";

/**
 * For every route in the OpenAPI document, a manager of company A, an uninvolved provider's admin,
 * an employee of A and a user without organization try it with company B's ids. They must get
 * 403/404, or — for routes that take no foreign id — an answer about their own organization that
 * contains none of B's data. A route in the document without a case fails the test, so a new route
 * cannot ship uncovered. The uninvolved provider's API key tries every route the same way (a key
 * opens only the partner API; elsewhere it is no session at all). Cases live per module in ./authz-cases/.
 */

const MATRIX: Record<string, Case & { method: string }> = {};
for (const group of ALL_CASES) {
  for (const [op, c] of Object.entries(group.cases)) MATRIX[op] = { ...c, method: op.split(" ")[0] as string };
}

let t: TestApp;
let f: Foreign;
let markers: string[];
let callers: { name: string; user: OrgUser }[];
let operations: string[];
/** An API key of the uninvolved provider. */
let partnerKey: string;

beforeAll(async () => {
  t = await createTestApp();
  const b = await signUpCompany(t.app, { name: "Firma B Geheim" });
  const bApi = { ...b, api: api(t.app, b.cookie) };
  f = { b, ids: {} };
  markers = ["Firma B Geheim"];
  for (const group of ALL_CASES) {
    const out = await group.setup?.({ t, b: bApi });
    if (out) {
      Object.assign(f.ids, out.ids);
      markers.push(...out.markers);
    }
  }
  const managerA = await signUpCompany(t.app, { name: "Firma A" });
  const partner = await signUpProvider(t.app, { name: "Unbeteiligter Partner" });
  const employeeA = await addMember(t, managerA, "employee");
  const loner = await signUp(t.app, { name: "Ohne Organisation" });
  const created = await api(t.app, partner.cookie).post("/api/provider/api-keys", { name: "Matrix-Schlüssel" });
  if (created.statusCode !== 201) throw new Error(`setup failed: ${created.statusCode} ${created.body}`);
  partnerKey = created.json().key;
  callers = [
    { name: "manager of company A", user: managerA },
    { name: "uninvolved partner admin", user: partner },
    { name: "employee of company A", user: employeeA },
    { name: "user without organization", user: { ...loner, orgId: "" } },
  ];
  const doc = (await api(t.app).get("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  // Every module's setup runs here (sign-ups, engagements, data): give it room on a busy machine.
}, 180_000);
afterAll(() => t.close());

function send(user: OrgUser, c: Case & { method: string }, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return api(t.app, user.cookie).raw({
    method: c.method as "GET",
    url: c.url(f),
    headers: { ...(c.rawBody !== undefined ? c.headers : {}), ...extraHeaders },
    ...(c.rawBody !== undefined ? { payload: c.rawBody } : c.body ? { payload: c.body(f) as object } : {}),
  });
}

const NOBODY: OrgUser = { cookie: "", email: "", userId: "", orgId: "" };

describe("authorization matrix", () => {
  it("covers every route in the OpenAPI document", () => {
    const missing = operations.filter((op) => !(op in MATRIX));
    expect(missing, "routes without an authorization case").toEqual([]);
    const stale = Object.keys(MATRIX).filter((op) => !operations.includes(op));
    expect(stale, "cases for routes that no longer exist").toEqual([]);
  });

  it("never gives anyone company B's data", async () => {
    const failures: string[] = [];
    const foreignIds = Object.values(f.ids);
    for (const op of operations) {
      const c = MATRIX[op];
      if (!c) continue;
      for (const { name, user } of callers) {
        const res = await send(user, c);
        const leaked = markers.filter((m) => res.body.includes(m));
        if (c.kind === "own") leaked.push(...foreignIds.filter((id) => res.body.includes(id)));
        if (leaked.length) failures.push(`${op} as ${name}: leaked ${leaked.join(", ")}`);
        if (c.kind === "foreign" && ![403, 404].includes(res.statusCode)) {
          failures.push(`${op} as ${name}: expected 403/404, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
        if (res.statusCode >= 500) failures.push(`${op} as ${name}: server error ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("never gives B's data to an uninvolved provider's API key", async () => {
    const failures: string[] = [];
    const foreignIds = Object.values(f.ids);
    for (const op of operations) {
      const c = MATRIX[op];
      if (!c) continue;
      const res = await send(NOBODY, c, { authorization: `Bearer ${partnerKey}` });
      const leaked = markers.filter((m) => res.body.includes(m));
      if (c.kind === "own") leaked.push(...foreignIds.filter((id) => res.body.includes(id)));
      if (leaked.length) failures.push(`${op}: leaked ${leaked.join(", ")}`);
      if (c.kind === "foreign" && ![401, 403, 404].includes(res.statusCode)) {
        failures.push(`${op}: expected 401/403/404, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      if (res.statusCode >= 500) failures.push(`${op}: server error ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("company B's data is unchanged afterwards", async () => {
    const asB = api(t.app, f.b.cookie);
    const emp = (await asB.get("/api/employees?active=all")).json().items.find((e: { id: string }) => e.id === f.ids.employeeId);
    expect(emp.active).toBe(true);
    const goals = (await asB.get("/api/project/goals")).json().items;
    expect(goals.map((g: { title: string }) => g.title)).toEqual(["Geheimziel B"]);
    const req = (await asB.get("/api/legal-requirements/gbu_physical")).json();
    expect(req.measures.find((m: { id: string }) => m.id === f.ids.measureId).proof).toBe("");
    const inv = (await asB.get("/api/invitations")).json().items;
    expect(inv[0].status).toBe("pending");
    const project = (await asB.get("/api/project")).json();
    expect(project.currentPhase).toBe(1);
    const course = (await asB.get(`/api/interventions/${f.ids.interventionId}`)).json();
    expect(course).toMatchObject({ title: "Geheimkurs B", status: "open", description: "" });
    expect(course.sessions[0]).toMatchObject({ status: "scheduled", capacity: 10, counts: { registered: 1, attended: 0, noShow: 0 } });
    const suggestions = (await asB.get("/api/proactive-suggestions")).json().items;
    expect(suggestions.map((x: { id: string }) => x.id)).toEqual([f.ids.proactiveSuggestionId]);
    expect((await asB.get("/api/proactive-suggestions/digest")).json().enabled).toBe(true);
    const talk = (await asB.get(`/api/matching/conversations/${f.ids.buddyConversationB}`)).json();
    expect(talk.exchanges.map((x: { question: string }) => x.question)).toEqual(["Geheimfrage B-buddy-4k7 zu Rücken"]);
  });

  it("anonymous callers get 401 on every route that needs a session", async () => {
    // Signing in, up and out, resetting a password and joining by company link need no session, by their nature.
    const open = new Set([
      "GET /api/health",
      "GET /api/health/ready",
      "GET /api/output-types",
      "GET /api/session",
      ...Object.keys(authCases.cases),
      ...EMPLOYEE_ACCESS_PUBLIC,
      ...SSO_PUBLIC,
    ]);
    const failures: string[] = [];
    for (const op of operations) {
      const c = MATRIX[op];
      if (!c || open.has(op)) continue;
      const res = await send(NOBODY, c);
      if (res.statusCode !== 401) failures.push(`${op}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
