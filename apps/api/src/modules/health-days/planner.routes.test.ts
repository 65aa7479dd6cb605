import { auditLog, offering } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { engagementUntil } from "../../../test/engagement-fixtures.js";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addPerson, expectOk, type Person } from "../participation/test-fixtures.js";

/**
 * Full-service mode through the API, as in the brief: Muster GmbH books Gesundheitskasse Nord's full-service
 * health day, hands its day to that booking; Anna (the planner) adds stations and books a sub-provider in the
 * company's name; Petra approves the plan and budget once, or station by station above her limit. Anna never
 * sees a name of Muster GmbH's people.
 */

let t: TestApp;
let petra: OrgUser;
let asPetra: Api;
let anna: OrgUser;
let asAnna: Api;
let sub: OrgUser;
let asSub: Api;
let asOtherProvider: Api;
let asOtherCompany: Api;
let employee: Person;
const offers: Record<string, string> = {};

const day = new Date(Date.now() + 40 * 24 * 3_600_000).toISOString().slice(0, 10);
const at = (hhmm: string) => `${day}T${hhmm}:00Z`;

async function publish(orgId: string, title: string, category: string, priceFromCents: number) {
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId,
      title,
      category,
      deliveryMode: "on_site",
      priceFromCents,
      priceUnit: "per_day",
      status: "published",
      providerName: title,
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  petra = await signUpCompany(t.app, { name: "Muster GmbH" });
  asPetra = api(t.app, petra.cookie);
  anna = await signUpProvider(t.app, { name: "Gesundheitskasse Nord" });
  asAnna = api(t.app, anna.cookie);
  sub = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  asSub = api(t.app, sub.cookie);
  asOtherProvider = api(t.app, (await signUpProvider(t.app, { name: "Andere Kasse" })).cookie);
  asOtherCompany = api(t.app, (await signUpCompany(t.app, { name: "Andere AG" })).cookie);
  employee = await addPerson(t, petra, { account: true, firstName: "Erika", lastName: "Mustermann" });
  offers.fullService = await publish(anna.orgId, "Gesundheitstag Komplettpaket", "full_service_health_day", 400_000);
  offers.back = await publish(sub.orgId, "Rückenscreening", "health_day_module", 90_000);
  offers.stress = await publish(sub.orgId, "Stressmessung", "health_day_module", 30_000);
  offers.survey = await publish(anna.orgId, "Befragung", "survey_analysis", 50_000);
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

async function fullServiceDay(approvalLimitCents: number | null = 50_000) {
  const engagementId = await engagementUntil(asPetra, asAnna, offers.fullService as string, "accepted", "Gesundheitstag");
  const created = await asPetra.post("/api/health-days", {
    title: "Fit for Work",
    startsOn: day,
    locations: ["Kantine"],
    expectedHeadcount: 120,
    budgetCents: 500_000,
    mode: "full_service",
  });
  expectOk(created, 201, "create day");
  const handed = await asPetra.put(`/api/health-days/${created.json().id}/planner`, { engagementId, approvalLimitCents });
  expectOk(handed, 200, "hand over");
  return { dayId: created.json().id as string, engagementId, handed: handed.json() };
}

/** No name, address or person id of the company's people in what the planner reads. */
function expectNoPeople(body: string) {
  for (const secret of [
    petra.email,
    employee.email,
    "Erika",
    "Mustermann",
    "Muster GmbH Admin",
    petra.userId,
    employee.employeeId,
    employee.userId as string,
  ]) {
    expect(body).not.toContain(secret);
  }
  expect(body).not.toContain("responsible");
}

describe("handing a day to the planner", () => {
  it("links the booked full-service engagement, tells the planner, and the planner sees the day without names", async () => {
    const { dayId, engagementId, handed } = await fullServiceDay();
    expect(handed.planner).toMatchObject({
      engagementId,
      organizationId: anna.orgId,
      name: "Gesundheitskasse Nord",
      engagementStatus: "accepted",
      approvalLimitCents: 50_000,
      planApprovedAt: null,
      pendingApprovals: 0,
    });
    expect(t.mails.map((m) => m.to)).toContain(anna.email);

    const list = await asAnna.get("/api/planner/health-days");
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { engagementId: string }) => i.engagementId === engagementId);
    expect(item).toMatchObject({ companyName: "Muster GmbH", healthDay: { id: dayId, title: "Fit for Work", mode: "full_service" } });
    expectNoPeople(list.body);

    const read = await asAnna.get(`/api/planner/health-days/${engagementId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: dayId, companyName: "Muster GmbH", canEdit: true, budget: { budgetCents: 500_000 } });
    expectNoPeople(read.body);
  });

  it("refuses a DIY day, an engagement that is not a full-service booking or not accepted, and a booking used twice", async () => {
    const diy = (await asPetra.post("/api/health-days", { title: "DIY", startsOn: day })).json();
    const booked = await engagementUntil(asPetra, asAnna, offers.fullService as string, "accepted");
    let res = await asPetra.put(`/api/health-days/${diy.id}/planner`, { engagementId: booked });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("not_full_service");

    const fs = (await asPetra.post("/api/health-days", { title: "FS", startsOn: day, mode: "full_service" })).json();
    const survey = await engagementUntil(asPetra, asAnna, offers.survey as string, "accepted");
    res = await asPetra.put(`/api/health-days/${fs.id}/planner`, { engagementId: survey });
    expect(res.statusCode).toBe(422);
    const requested = (await asPetra.post("/api/engagements", { offeringId: offers.fullService, brief: { what: "Tag" } })).json();
    res = await asPetra.put(`/api/health-days/${fs.id}/planner`, { engagementId: requested.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("engagement_not_active");

    const { engagementId } = await fullServiceDay();
    res = await asPetra.put(`/api/health-days/${fs.id}/planner`, { engagementId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("planner_engagement_in_use");
    res = await asPetra.put(`/api/health-days/${fs.id}/planner`, { engagementId: "not-a-uuid" });
    expect(res.statusCode).toBe(400);
    expect((await asPetra.get(`/api/health-days/${fs.id}`)).json().planner).toBeNull();
  });
});

describe("the planner plans, the company approves", () => {
  it("books a sub-provider in the company's name; above the limit it waits for approval, and registration waits too", async () => {
    const { dayId, engagementId } = await fullServiceDay(50_000);
    const added = await asAnna.post(`/api/planner/health-days/${engagementId}/modules`, {
      offeringId: offers.back,
      location: "Kantine",
      costCents: 90_000,
    });
    expectOk(added, 201, "planner adds station");
    const back = added.json().modules.find((m: { title: string }) => m.title === "Rückenscreening");
    expect(back).toMatchObject({ approval: "pending", addedByPlanner: true, bookingStatus: "requested", providerName: "Rückenpause GmbH" });
    expect(t.mails.map((m) => m.to)).toEqual(expect.arrayContaining([sub.email, petra.email]));

    // The sub-provider's booking is the company's engagement, visible to both of them.
    const engagement = await asSub.get(`/api/engagements/${back.engagementId}`);
    expect(engagement.statusCode).toBe(200);
    expect(engagement.json().brief.what).toContain("Fit for Work");
    expect((await asPetra.get(`/api/engagements/${back.engagementId}`)).statusCode).toBe(200);
    // The company's audit log says the planner acted.
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, petra.orgId), eq(auditLog.action, "health_days.module_added"), eq(auditLog.entityId, dayId)));
    expect(entry).toMatchObject({
      actorUserId: anna.userId,
      details: expect.objectContaining({ plannerOrgId: anna.orgId, approval: "pending" }),
    });

    const cheap = await asAnna.post(`/api/planner/health-days/${engagementId}/modules`, { offeringId: offers.stress, costCents: 30_000 });
    expectOk(cheap, 201, "cheap station");
    expect(cheap.json().modules.find((m: { title: string }) => m.title === "Stressmessung").approval).toBe("not_required");

    const slots = await asAnna.post(`/api/planner/health-days/${engagementId}/modules/${back.id}/slots`, {
      slots: [{ startsAt: at("09:00"), endsAt: at("09:30"), capacity: 5 }],
    });
    expectOk(slots, 201, "planner adds slots");

    let opened = await asPetra.post(`/api/health-days/${dayId}/transitions`, { action: "open_registration" });
    expect(opened.statusCode).toBe(409);
    expect(opened.json().error).toMatchObject({ code: "approvals_pending", details: { moduleIds: [back.id] } });
    const company = (await asPetra.get(`/api/health-days/${dayId}`)).json();
    expect(company.planner.pendingApprovals).toBe(1);

    const approved = await asPetra.post(`/api/health-days/${dayId}/plan-approval`);
    expectOk(approved, 200, "approve plan");
    expect(approved.json().planner).toMatchObject({ pendingApprovals: 0, planApprovedAt: expect.any(String) });
    expect(approved.json().modules.find((m: { id: string }) => m.id === back.id).approval).toBe("approved");
    opened = await asPetra.post(`/api/health-days/${dayId}/transitions`, { action: "open_registration" });
    expectOk(opened, 200, "open registration");

    // An employee registers; the planner sees a headcount, never who.
    const slotId = opened.json().modules.find((m: { id: string }) => m.id === back.id).slots[0].id;
    expectOk(await (employee.as as Api).post(`/api/me/health-days/${dayId}/slots/${slotId}/registration`), 201, "register");
    const seen = await asAnna.get(`/api/planner/health-days/${engagementId}`);
    expect(seen.json().modules.find((m: { id: string }) => m.id === back.id).slots[0].counts).toEqual({ registered: 1, waitlisted: 0 });
    expectNoPeople(seen.body);
  });

  it("rejecting a station calls off its slots; the planner cannot add slots to it, and a second decision is refused", async () => {
    const { dayId, engagementId } = await fullServiceDay(null);
    const added = (await asAnna.post(`/api/planner/health-days/${engagementId}/modules`, { offeringId: offers.stress })).json();
    const station = added.modules[0];
    expect(station.approval).toBe("pending");
    expectOk(
      await asAnna.post(`/api/planner/health-days/${engagementId}/modules/${station.id}/slots`, {
        slots: [{ startsAt: at("11:00"), endsAt: at("11:30"), capacity: 5 }],
      }),
      201,
      "slots",
    );
    const rejected = await asPetra.post(`/api/health-days/${dayId}/modules/${station.id}/approval`, {
      decision: "reject",
      message: "Zu teuer",
    });
    expectOk(rejected, 200, "reject");
    const after = rejected.json().modules.find((m: { id: string }) => m.id === station.id);
    expect(after.approval).toBe("rejected");
    expect(after.slots.every((s: { status: string }) => s.status === "cancelled")).toBe(true);
    expect(rejected.json().budget.plannedCents).toBe(0);
    expect(t.mails.map((m) => m.to)).toContain(anna.email);

    const again = await asPetra.post(`/api/health-days/${dayId}/modules/${station.id}/approval`, { decision: "approve" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("approval_not_pending");
    const more = await asAnna.post(`/api/planner/health-days/${engagementId}/modules/${station.id}/slots`, {
      slots: [{ startsAt: at("12:00"), endsAt: at("12:30"), capacity: 5 }],
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().error.code).toBe("module_rejected");
  });
});

describe("who may do what", () => {
  it("keeps the day from other providers, other companies, employees and the planner's company routes", async () => {
    const { dayId, engagementId } = await fullServiceDay();
    const planned = `/api/planner/health-days/${engagementId}`;
    for (const [who, client] of [
      ["other provider", asOtherProvider],
      ["sub-provider", asSub],
    ] as const) {
      expect((await client.get(planned)).statusCode, who).toBe(404);
      expect((await client.post(`${planned}/modules`, { offeringId: offers.back })).statusCode, who).toBe(404);
    }
    expect((await asOtherProvider.get("/api/planner/health-days")).json().items).toEqual([]);
    // Company members are no planners; the planner is no manager of the company.
    expect((await asPetra.get(planned)).statusCode).toBe(403);
    expect((await asOtherCompany.get("/api/planner/health-days")).statusCode).toBe(403);
    expect((await (employee.as as Api).get(planned)).statusCode).toBe(403);
    expect((await asAnna.get(`/api/health-days/${dayId}`)).statusCode).toBe(403);
    expect((await asAnna.put(`/api/health-days/${dayId}/planner`, { engagementId })).statusCode).toBe(403);
    expect((await asAnna.post(`/api/health-days/${dayId}/plan-approval`)).statusCode).toBe(403);
    // Another company cannot reach the day or hand it anything.
    expect((await asOtherCompany.put(`/api/health-days/${dayId}/planner`, { engagementId })).statusCode).toBe(404);
    expect((await asOtherCompany.post(`/api/health-days/${dayId}/plan-approval`)).statusCode).toBe(404);
    expect((await api(t.app, "").get(planned)).statusCode).toBe(401);
  });

  it("ends the planner's access with the booking: a cancelled booking is a 404, a delivered one reads but does not change", async () => {
    const { engagementId } = await fullServiceDay();
    expectOk(await asAnna.post(`/api/engagements/${engagementId}/transitions`, { action: "start", message: "" }), 200, "start");
    expectOk(await asAnna.post(`/api/engagements/${engagementId}/transitions`, { action: "mark_delivered", message: "" }), 200, "deliver");
    const read = await asAnna.get(`/api/planner/health-days/${engagementId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);
    const change = await asAnna.post(`/api/planner/health-days/${engagementId}/modules`, { offeringId: offers.back });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe("engagement_not_active");

    const second = await fullServiceDay();
    expectOk(
      await asPetra.post(`/api/engagements/${second.engagementId}/transitions`, { action: "cancel", message: "Abgesagt" }),
      200,
      "cancel",
    );
    expect((await asAnna.get(`/api/planner/health-days/${second.engagementId}`)).statusCode).toBe(404);
  });
});
