import { afterAll, beforeAll, it } from "vitest";
import { api, createTestApp, signUp, signUpCompany, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it("probe", async () => {
  const a = await signUpCompany(t.app);
  const as = api(t.app, a.cookie);
  const show = async (label: string, p: Promise<import("fastify").LightMyRequestResponse>) => {
    const r = await p;
    console.log(label, r.statusCode, r.headers["content-type"], r.body.slice(0, 200));
  };
  await show("nul notes", as.patch("/api/project/tasks/employee_survey", { notes: "a\u0000b" }));
  await show("year0", as.patch("/api/project/tasks/employee_survey", { dueDate: "0000-01-01" }));
  await show("goal year0", as.post("/api/project/goals", { title: "x", target: "y", dueDate: "0000-01-01" }));
  await show("inv nul", as.get("/api/invitations/%00"));
  await show("task nul", as.get("/api/project/tasks/%00"));
  await show("emp nul", as.post("/api/employees", { firstName: "a\u0000", lastName: "b", email: "x@y.de", department: "d" }));
  await show("xml", as.raw({ method: "POST", url: "/api/project/goals", headers: { "content-type": "application/xml" }, payload: "<a/>" }));
  await show(
    "csv to json route",
    as.raw({ method: "POST", url: "/api/project/goals", headers: { "content-type": "text/csv" }, payload: "a;b" }),
  );
  await show(
    "pdf to json route",
    as.raw({ method: "POST", url: "/api/project/goals", headers: { "content-type": "application/pdf" }, payload: Buffer.from("%PDF-") }),
  );
  await show("json to upload", as.post("/api/project/tasks/works_council_agreement/document", { a: 1 }));
  await show(
    "big",
    as.raw({
      method: "POST",
      url: "/api/project/goals",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ title: "x".repeat(1024 * 1024 + 10), target: "y" }),
    }),
  );
  await show(
    "empty json",
    as.raw({ method: "POST", url: "/api/project/goals", headers: { "content-type": "application/json" }, payload: "" }),
  );
  await show("unknown", as.get("/api/nope"));
  await show("docs", as.get("/api/docs"));
  await show("audit huge before", as.get("/api/audit?before=99999999999999999999"));
  await show("audit bad", as.get("/api/audit?foo=1"));
  const u = await signUp(t.app);
  await show("ba org create", api(t.app, u.cookie).post("/api/auth/organization/create", { name: "X", slug: "x-abc", kind: "company" }));
  await show("me after", api(t.app, u.cookie).get("/api/me"));
  await show(
    "ba invite",
    as.post("/api/auth/organization/invite-member", { email: "z@z.de", role: "bgm_manager", organizationId: a.orgId }),
  );
  await show("ba list", as.get("/api/auth/organization/list"));
  await show("page big", as.get("/api/employees?page=99999999999"));
  await show("file bad", as.get("/api/files/abc"));
  await show("active org nul", as.post("/api/me/active-organization", { organizationId: "\u0000" }));
  await show(
    "x-file-name bad",
    as.raw({
      method: "POST",
      url: "/api/project/tasks/works_council_agreement/document",
      headers: { "content-type": "application/pdf", "x-file-name": "%E0%A4%A" },
      payload: Buffer.from("%PDF-1.4"),
    }),
  );
  await show(
    "patch task details on standard",
    as.patch("/api/project/tasks/employee_survey", { details: { agreementDate: "2024-01-01" } }),
  );
  await show("owner nul", as.patch("/api/project/tasks/employee_survey", { ownerUserId: "\u0000" }));
  await show("audit entityType nul", as.get("/api/audit?entityType=%00"));
  await show("emp q nul", as.get("/api/employees?q=%00"));
});
