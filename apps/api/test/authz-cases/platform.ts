import type { AuthzCases } from "./types.js";

/** Cases for the foundation's routes; setup creates company B's records the callers try to reach. */
export const platformCases: AuthzCases = {
  async setup({ b }) {
    const PDF = Buffer.from("%PDF-1.4\n% geheim B\n");
    const emp = await b.api.post("/api/employees", {
      firstName: "Bernd",
      lastName: "Geheim",
      email: "geheim.b@firma-b.de",
      department: "Vertrieb",
    });
    const goalRes = await b.api.post("/api/project/goals", { title: "Geheimziel B", target: "20 %" });
    const measure = await b.api.post("/api/legal-requirements/gbu_physical/measures", {
      title: "Geheime Maßnahme B",
      ownerName: "B",
      dueDate: "2027-02-01",
    });
    const file = await b.api.raw({
      method: "POST",
      url: "/api/project/tasks/works_council_agreement/document",
      headers: { "content-type": "application/pdf", "x-file-name": "geheim.pdf" },
      payload: PDF,
    });
    const inv = await b.api.post("/api/invitations", { email: "kollegin@firma-b.de", role: "bgm_manager" });
    for (const r of [emp, goalRes, measure, file, inv]) if (r.statusCode >= 300) throw new Error(`setup failed: ${r.body}`);
    const m = measure.json() as { measures: { id: string; title: string }[] };
    return {
      ids: {
        employeeId: emp.json().id,
        goalId: goalRes.json().id,
        measureId: m.measures.find((x) => x.title === "Geheime Maßnahme B")?.id as string,
        fileId: file.json().details.documentId,
        invitationId: inv.json().id,
      },
      markers: ["geheim.b@firma-b.de", "Geheimziel B", "Geheime Maßnahme B", "geheim B"],
    };
  },
  cases: {
    "GET /api/health": { kind: "own", url: () => "/api/health" },
    "GET /api/health/ready": { kind: "own", url: () => "/api/health/ready" },
    "GET /api/me": { kind: "own", url: () => "/api/me" },
    "GET /api/session": { kind: "own", url: () => "/api/session" },
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
    "GET /api/invitations/{id}": { kind: "foreign", url: (f) => `/api/invitations/${f.ids.invitationId}` },
    "DELETE /api/invitations/{id}": { kind: "foreign", url: (f) => `/api/invitations/${f.ids.invitationId}` },
    "POST /api/invitations/{id}/accept": { kind: "foreign", url: (f) => `/api/invitations/${f.ids.invitationId}/accept` },
    "GET /api/project": { kind: "own", url: () => "/api/project" },
    "GET /api/todos": { kind: "own", url: () => "/api/todos" },
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
    "PATCH /api/project/goals/{id}": {
      kind: "foreign",
      url: (f) => `/api/project/goals/${f.ids.goalId}`,
      body: () => ({ title: "gekapert" }),
    },
    "GET /api/kpis": { kind: "own", url: () => "/api/kpis" },
    "GET /api/employees": { kind: "own", url: () => "/api/employees?active=all" },
    "POST /api/employees": {
      kind: "own",
      url: () => "/api/employees",
      body: () => ({ firstName: "A", lastName: "A", email: `a${Date.now()}@firma-a.de`, department: "IT" }),
    },
    "PATCH /api/employees/{id}": { kind: "foreign", url: (f) => `/api/employees/${f.ids.employeeId}`, body: () => ({ active: false }) },
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
      url: (f) => `/api/legal-requirements/gbu_physical/measures/${f.ids.measureId}`,
      body: () => ({ proof: "gekapert" }),
    },
    "POST /api/legal-requirements/{key}/triggers": {
      kind: "own",
      url: () => "/api/legal-requirements/gbu_physical/triggers",
      body: () => ({ kind: "accident", note: "A" }),
    },
    "GET /api/files/{id}": { kind: "foreign", url: (f) => `/api/files/${f.ids.fileId}` },
    "GET /api/audit": { kind: "own", url: () => "/api/audit" },
    // Nobody among the callers is a platform admin: all must be refused.
    "GET /api/admin/organizations": { kind: "foreign", url: () => "/api/admin/organizations" },
  },
};
