import { outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUTURE_QUOTE, publishTestOffering } from "../../../test/engagement-fixtures.js";
import {
  type Api,
  addMember,
  api,
  createTestApp,
  type OrgUser,
  signUpCompany,
  signUpProvider,
  type TestApp,
} from "../../../test/helpers.js";

let t: TestApp;
let company: OrgUser;
let partner: OrgUser;
let asCompany: Api;
let asPartner: Api;

const DAY = 24 * 60 * 60 * 1000;
const berlin = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

interface Todo {
  kind: string;
  title: string | null;
  count: number;
  dueDate: string | null;
  link: string;
}
const todos = async (as: Api) => {
  const res = await as.get("/api/todos");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Todo[] }).items;
};

async function ok(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  company = await signUpCompany(t.app, { name: "Aufgaben GmbH" });
  partner = await signUpProvider(t.app, { name: "Liefer AG" });
  asCompany = api(t.app, company.cookie);
  asPartner = api(t.app, partner.cookie);
});
afterAll(() => t?.close());

describe("GET /api/todos", () => {
  it("is empty for a new company", async () => {
    expect(await todos(asCompany)).toEqual([]);
  });

  it("lists quotes to answer, results to review, grants about to expire and tasks due, soonest first", async () => {
    const quotedOffering = await publishTestOffering(t, partner.orgId, { title: "Rückenschule" });
    const quoted = await ok(asCompany.post("/api/engagements", { offeringId: quotedOffering, brief: { what: "Rücken" } }), 201);
    await ok(
      asPartner.post(`/api/engagements/${quoted.id}/quotes`, { priceCents: 50_000, scopeOfWork: "Kurs", validUntil: FUTURE_QUOTE }),
      201,
    );

    const workOffering = await publishTestOffering(t, partner.orgId, {
      title: "Maßnahmenplanung",
      requiredDataScopes: ["goals"],
      outputDataTypes: ["intervention_plan"],
    });
    const work = await ok(asCompany.post("/api/engagements", { offeringId: workOffering, brief: { what: "Plan" } }), 201);
    await ok(asPartner.post(`/api/engagements/${work.id}/quotes`, { priceCents: 1, scopeOfWork: "Plan", validUntil: FUTURE_QUOTE }), 201);
    await ok(asCompany.post(`/api/engagements/${work.id}/transitions`, { action: "accept_quote", message: "" }));
    await ok(asPartner.post(`/api/engagements/${work.id}/transitions`, { action: "start", message: "" }));
    const expiresAt = new Date(Date.now() + 5 * DAY);
    await ok(
      asCompany.post(`/api/engagements/${work.id}/grants`, {
        decisions: [{ scopeKey: "goals", grant: true }],
        expiresAt: expiresAt.toISOString(),
      }),
    );
    const before = Date.now();
    await ok(
      asPartner.post(`/api/partner/engagements/${work.id}/results`, {
        outputType: "intervention_plan",
        payload: outputType("intervention_plan")?.example,
      }),
      201,
    );

    const yesterday = berlin(new Date(Date.now() - DAY));
    await ok(asCompany.patch("/api/project/tasks/employee_survey", { dueDate: yesterday }));
    // Due in a year: not yet on the list.
    await ok(asCompany.patch("/api/project/tasks/form_steering_group", { dueDate: berlin(new Date(Date.now() + 365 * DAY)) }));

    const items = await todos(asCompany);
    expect(items).toEqual([
      { kind: "task_due", title: "employee_survey", count: 1, dueDate: yesterday, link: "/tasks/employee_survey" },
      { kind: "grant_expiring", title: "Maßnahmenplanung", count: 1, dueDate: berlin(expiresAt), link: `/engagements/${work.id}` },
      { kind: "result_to_review", title: "Maßnahmenplanung", count: 1, dueDate: expect.any(String), link: `/engagements/${work.id}` },
      { kind: "quote_to_answer", title: "Rückenschule", count: 1, dueDate: FUTURE_QUOTE, link: `/engagements/${quoted.id}` },
    ]);
    // The automatic acceptance 14 days after delivery.
    expect([berlin(new Date(before + 14 * DAY)), berlin(new Date(Date.now() + 14 * DAY))]).toContain(items[2]?.dueDate);

    // Answering takes an item off the list.
    await ok(asCompany.post(`/api/engagements/${quoted.id}/transitions`, { action: "reject_quote", message: "" }));
    expect((await todos(asCompany)).map((i) => i.kind)).not.toContain("quote_to_answer");
  });

  it("shows another company nothing of this one's", async () => {
    const other = await signUpCompany(t.app, { name: "Fremd GmbH" });
    expect(await todos(api(t.app, other.cookie))).toEqual([]);
  });

  it("is the manager's: employees and partners get 403", async () => {
    const employee = await addMember(t, company, "employee");
    const asEmployee = await api(t.app, employee.cookie).get("/api/todos");
    expect(asEmployee.statusCode).toBe(403);
    expect(asEmployee.json().error.code).toBe("forbidden");
    const asProvider = await asPartner.get("/api/todos");
    expect(asProvider.statusCode).toBe(403);
    expect(asProvider.json().error.code).toBe("forbidden");
  });
});
