import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, api, createTestApp, type OrgUser, signUp, signUpCompany, signUpProvider, type TestApp } from "./helpers.js";

/**
 * For every route in the OpenAPI document, a manager of company A and an admin of an uninvolved
 * provider try it with company B's ids. They must get 403/404, or — for routes that take no
 * foreign id — an answer about their own organization that contains none of B's data.
 * A route that is in the document but not in this table fails the test: new routes must be covered.
 */

interface Foreign {
  b: OrgUser;
  employeeId: string;
  goalId: string;
  measureId: string;
  fileId: string;
  invitationId: string;
}

interface Case {
  /** "foreign": the request names B's resources → 403/404 only. "own": answered within the caller's org. */
  kind: "foreign" | "own";
  url: (f: Foreign) => string;
  body?: (f: Foreign) => unknown;
  headers?: Record<string, string>;
  rawBody?: Buffer | string;
}

const PDF = Buffer.from("%PDF-1.4\n% geheim B\n");

const MATRIX: Record<string, Case> = {
  "GET /api/health": { kind: "own", url: () => "/api/health" },
  "GET /api/me": { kind: "own", url: () => "/api/me" },
  "POST /api/organizations": { kind: "own", url: () => "/api/organizations", body: () => ({ name: "Neue Firma", kind: "company" }) },
  "POST /api/me/active-organization": {
    kind: "foreign",
    url: () => "/api/me/active-organization",
    body: (f) => ({ organizationId: f.b.orgId }),
  },
  "GET /api/organization/members": { kind: "own", url: () => "/api/organization/members" },
  "GET /api/invitations": { kind: "own", url: () => "/api/invitations" },
  "POST /api/invitations": {
    kind: "own",
    url: () => "/api/invitations",
    body: () => ({ email: `x${Date.now()}@example.de`, role: "employee" }),
  },
  "GET /api/invitations/{id}": { kind: "foreign", url: (f) => `/api/invitations/${f.invitationId}` },
  "DELETE /api/invitations/{id}": { kind: "foreign", url: (f) => `/api/invitations/${f.invitationId}` },
  "POST /api/invitations/{id}/accept": { kind: "foreign", url: (f) => `/api/invitations/${f.invitationId}/accept` },
  "GET /api/project": { kind: "own", url: () => "/api/project" },
  "PUT /api/project/current-phase": { kind: "own", url: () => "/api/project/current-phase", body: () => ({ phase: 3 }) },
  "GET /api/project/tasks/{key}": { kind: "own", url: () => "/api/project/tasks/employee_survey" },
  "PATCH /api/project/tasks/{key}": { kind: "own", url: () => "/api/project/tasks/employee_survey", body: () => ({ notes: "A" }) },
  "POST /api/project/tasks/{key}/document": {
    kind: "own",
    url: () => "/api/project/tasks/works_council_agreement/document",
    headers: { "content-type": "application/pdf", "x-file-name": "vereinbarung.pdf" },
    rawBody: Buffer.from("%PDF-1.4\n% A\n"),
  },
  "GET /api/project/goals": { kind: "own", url: () => "/api/project/goals" },
  "POST /api/project/goals": { kind: "own", url: () => "/api/project/goals", body: () => ({ title: "Ziel A", target: "5 %" }) },
  "PATCH /api/project/goals/{id}": { kind: "foreign", url: (f) => `/api/project/goals/${f.goalId}`, body: () => ({ title: "gekapert" }) },
  "GET /api/kpis": { kind: "own", url: () => "/api/kpis" },
  "GET /api/employees": { kind: "own", url: () => "/api/employees?active=all" },
  "POST /api/employees": {
    kind: "own",
    url: () => "/api/employees",
    body: () => ({ firstName: "A", lastName: "A", email: `a${Date.now()}@firma-a.de`, department: "IT" }),
  },
  "PATCH /api/employees/{id}": { kind: "foreign", url: (f) => `/api/employees/${f.employeeId}`, body: () => ({ active: false }) },
  "POST /api/employees/import": {
    kind: "own",
    url: () => "/api/employees/import",
    headers: { "content-type": "text/csv" },
    rawBody: "Vorname;Nachname;E-Mail;Abteilung;Standort\nBernd;A;bernd@firma-a.de;IT;Köln\n",
  },
  "GET /api/legal-requirements": { kind: "own", url: () => "/api/legal-requirements" },
  "GET /api/legal-requirements/{key}": { kind: "own", url: () => "/api/legal-requirements/gbu_physical" },
  "PATCH /api/legal-requirements/{key}": {
    kind: "own",
    url: () => "/api/legal-requirements/gbu_physical",
    body: () => ({ effectivenessCheck: "A" }),
  },
  "PATCH /api/legal-requirements/{key}/steps/{step}": {
    kind: "own",
    url: () => "/api/legal-requirements/gbu_physical/steps/identify_hazards",
    body: () => ({ notes: "A" }),
  },
  "POST /api/legal-requirements/{key}/steps/{step}/evidence": {
    kind: "own",
    url: () => "/api/legal-requirements/gbu_physical/steps/assess_hazards/evidence",
    headers: { "content-type": "application/pdf", "x-file-name": "a.pdf" },
    rawBody: Buffer.from("%PDF-1.4\n% A\n"),
  },
  "POST /api/legal-requirements/{key}/measures": {
    kind: "own",
    url: () => "/api/legal-requirements/gbu_physical/measures",
    body: () => ({ title: "Maßnahme A", ownerName: "A", dueDate: "2027-01-01" }),
  },
  "PATCH /api/legal-requirements/{key}/measures/{id}": {
    kind: "foreign",
    url: (f) => `/api/legal-requirements/gbu_physical/measures/${f.measureId}`,
    body: () => ({ proof: "gekapert" }),
  },
  "POST /api/legal-requirements/{key}/triggers": {
    kind: "own",
    url: () => "/api/legal-requirements/gbu_physical/triggers",
    body: () => ({ kind: "accident", note: "A" }),
  },
  "GET /api/files/{id}": { kind: "foreign", url: (f) => `/api/files/${f.fileId}` },
  "GET /api/audit": { kind: "own", url: () => "/api/audit" },
};

/** Strings that only company B's data contains. */
const B_MARKERS = ["Firma B Geheim", "geheim.b@firma-b.de", "Geheimziel B", "Geheime Maßnahme B", "geheim B"];

let t: TestApp;
let f: Foreign;
let callers: { name: string; user: OrgUser }[];
let operations: string[];

beforeAll(async () => {
  t = await createTestApp();
  const b = await signUpCompany(t.app, { name: "Firma B Geheim" });
  const asB = api(t.app, b.cookie);
  const emp = await asB.post("/api/employees", {
    firstName: "Bernd",
    lastName: "Geheim",
    email: "geheim.b@firma-b.de",
    department: "Vertrieb",
  });
  const goalRes = await asB.post("/api/project/goals", { title: "Geheimziel B", target: "20 %" });
  const measure = await asB.post("/api/legal-requirements/gbu_physical/measures", {
    title: "Geheime Maßnahme B",
    ownerName: "B",
    dueDate: "2027-02-01",
  });
  const file = await asB.raw({
    method: "POST",
    url: "/api/project/tasks/works_council_agreement/document",
    headers: { "content-type": "application/pdf", "x-file-name": "geheim.pdf" },
    payload: PDF,
  });
  const inv = await asB.post("/api/invitations", { email: "kollegin@firma-b.de", role: "bgm_manager" });
  for (const r of [emp, goalRes, measure, file, inv]) expect(r.statusCode, r.body).toBeLessThan(300);
  const m = measure.json() as { measures: { id: string; title: string }[] };
  f = {
    b,
    employeeId: emp.json().id,
    goalId: goalRes.json().id,
    measureId: m.measures.find((x) => x.title === "Geheime Maßnahme B")?.id as string,
    fileId: file.json().details.documentId,
    invitationId: inv.json().id,
  };
  const managerA = await signUpCompany(t.app, { name: "Firma A" });
  const partner = await signUpProvider(t.app, { name: "Unbeteiligter Partner" });
  const employeeA = await addMember(t, managerA, "employee");
  const loner = await signUp(t.app, { name: "Ohne Organisation" });
  callers = [
    { name: "manager of company A", user: managerA },
    { name: "uninvolved partner admin", user: partner },
    { name: "employee of company A", user: employeeA },
    { name: "user without organization", user: { ...loner, orgId: "" } },
  ];
  const doc = (await api(t.app).get("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
});
afterAll(() => t.close());

function send(user: OrgUser, c: Case): Promise<LightMyRequestResponse> {
  const [method] = Object.entries(MATRIX)
    .find(([, v]) => v === c)?.[0]
    .split(" ") ?? ["GET"];
  return api(t.app, user.cookie).raw({
    method: method as "GET",
    url: c.url(f),
    ...(c.rawBody !== undefined ? { payload: c.rawBody, headers: c.headers } : c.body ? { payload: c.body(f) as object } : {}),
  });
}

describe("authorization matrix", () => {
  it("covers every route in the OpenAPI document", () => {
    const missing = operations.filter((op) => !(op in MATRIX));
    expect(missing, "routes without an authorization case").toEqual([]);
    const stale = Object.keys(MATRIX).filter((op) => !operations.includes(op));
    expect(stale, "cases for routes that no longer exist").toEqual([]);
  });

  it("never gives anyone company B's data", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const c = MATRIX[op];
      if (!c) continue;
      for (const { name, user } of callers) {
        const res = await send(user, c);
        const leaked = B_MARKERS.filter((m) => res.body.includes(m) || res.body.includes(f.employeeId));
        if (leaked.length) failures.push(`${op} as ${name}: leaked ${leaked.join(", ")}`);
        if (c.kind === "foreign" && ![403, 404].includes(res.statusCode)) {
          failures.push(`${op} as ${name}: expected 403/404, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
        if (res.statusCode >= 500) failures.push(`${op} as ${name}: server error ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("company B's data is unchanged afterwards", async () => {
    const asB = api(t.app, f.b.cookie);
    const emp = (await asB.get("/api/employees?active=all")).json().items.find((e: { id: string }) => e.id === f.employeeId);
    expect(emp.active).toBe(true);
    const goals = (await asB.get("/api/project/goals")).json();
    expect(goals.map((g: { title: string }) => g.title)).toEqual(["Geheimziel B"]);
    const req = (await asB.get("/api/legal-requirements/gbu_physical")).json();
    expect(req.measures.find((m: { id: string }) => m.id === f.measureId).proof).toBe("");
    const inv = (await asB.get("/api/invitations")).json();
    expect(inv[0].status).toBe("pending");
    const project = (await asB.get("/api/project")).json();
    expect(project.currentPhase).toBe(1);
  });

  it("anonymous callers get 401 on every route that needs a session", async () => {
    const open = new Set(["GET /api/health"]);
    const failures: string[] = [];
    for (const op of operations) {
      const c = MATRIX[op];
      if (!c || open.has(op)) continue;
      const res = await send({ cookie: "", email: "", userId: "", orgId: "" }, c);
      if (res.statusCode !== 401) failures.push(`${op}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
