import { auditLog, employee, offering } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APP_URL, type Api, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addPerson, type Person } from "../participation/test-fixtures.js";
import { type DayWorld, dayWithSlots, openRegistration } from "./report.test-fixtures.js";

/**
 * Invitations to a health day: the audience (all, departments, locations) among active people of the
 * register, the mail (programme, how to get in with or without an account), a second round, the audit.
 */

let t: TestApp;
let w: DayWorld;
let withAccount: Person;
let noAccount: Person;
let inactive: Person;
let other: Person;
const day = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);

async function publishedOffering(t: TestApp, title = "Rückenscreening", capacity = 20): Promise<string> {
  const partner = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title,
      category: "health_day_module",
      deliveryMode: "on_site",
      priceFromCents: 90_000,
      priceUnit: "per_day",
      capacity,
      status: "published",
      providerName: "Rückenpause GmbH",
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

async function setLocation(t: TestApp, employeeId: string, location: string): Promise<void> {
  await t.database.db.update(employee).set({ location }).where(eq(employee.id, employeeId));
}

beforeAll(async () => {
  t = await createTestApp();
  w = await dayWithSlots(t, {
    startsOn: day,
    offeringId: await publishedOffering(t),
    slots: [
      { startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z`, capacity: 10 },
      { startsAt: `${day}T09:00:00Z`, endsAt: `${day}T10:00:00Z`, capacity: 10 },
    ],
  });
  withAccount = await addPerson(t, w.manager, { account: true, firstName: "Erika", lastName: "Vertrieb", department: "Vertrieb" });
  noAccount = await addPerson(t, w.manager, { firstName: "Paul", lastName: "Produktion", department: "Produktion" });
  inactive = await addPerson(t, w.manager, { firstName: "Ina", lastName: "Inaktiv", department: "Produktion", active: false });
  await setLocation(t, withAccount.employeeId, "Hamburg");
  await setLocation(t, noAccount.employeeId, "Berlin");
  const otherCompany = await signUpCompany(t.app, { name: "Andere AG" });
  other = await addPerson(t, otherCompany, { firstName: "Olga", lastName: "Fremd" });
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

const invite = (as: Api, audience: unknown, dayId = w.dayId) => as.post(`/api/health-days/${dayId}/invitations`, { audience });
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("invitations to a health day", () => {
  it("are refused until the registration is open, with the agreed error body", async () => {
    const res = await invite(w.asManager, "all");
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "registration_not_open", details: { status: "planning" } });
    await settle();
    expect(t.mails).toEqual([]);
  });

  it("mail the audience of a department: the programme, and the sign-in page for someone without an account", async () => {
    await openRegistration(w);
    const res = await invite(w.asManager, { departments: ["produktion"] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ invited: 1, invitedBefore: 0, invitedTotal: 1 });
    await settle();
    expect(t.mails.map((m) => m.to)).toEqual([noAccount.email]);
    const mail = t.mails[0];
    expect(mail?.subject).toBe("BGM Hub: Einladung zum Gesundheitstag – Fit for Work");
    expect(mail?.text).toContain("Hallo Paul,");
    expect(mail?.text).toContain("Rückenscreening (Kantine)");
    expect(mail?.text).toContain("10 Plätze frei");
    // No join link yet: the sign-in page, and a word that the BGM team sends the company link.
    expect(mail?.text).toContain(`${APP_URL}/login`);
    expect(mail?.text).not.toContain("/join/");
  });

  it("invite everyone again: the company link for people without an account, the count of those invited before", async () => {
    const link = await w.asManager.post("/api/organization/join-link");
    expect(link.statusCode, link.body).toBe(201);
    const res = await invite(w.asManager, "all");
    expect(res.json()).toEqual({ invited: 2, invitedBefore: 1, invitedTotal: 2 });
    await settle();
    expect(t.mails.map((m) => m.to).sort()).toEqual([withAccount.email, noAccount.email].sort());
    expect(t.mails.find((m) => m.to === noAccount.email)?.text).toContain(link.json().link.url);
    const forMember = t.mails.find((m) => m.to === withAccount.email)?.text ?? "";
    expect(forMember).toContain(`Melden Sie sich an und wählen Sie Ihre Termine: ${APP_URL}/`);
    expect(forMember).not.toContain("/join/");
    // Never the inactive person nor another company's.
    expect(t.mails.some((m) => m.to === inactive.email || m.to === other.email)).toBe(false);
  });

  it("narrow by location (and department and location together), and an audience of nobody mails nobody", async () => {
    expect((await invite(w.asManager, { locations: ["Hamburg"] })).json()).toMatchObject({ invited: 1, invitedBefore: 1 });
    expect((await invite(w.asManager, { departments: ["Vertrieb"], locations: ["Berlin"] })).json()).toMatchObject({ invited: 0 });
    await settle();
    expect(t.mails.map((m) => m.to)).toEqual([withAccount.email]);
  });

  it("are audited with the audience and the counts, never an address", async () => {
    const rows = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.dayId), eq(auditLog.action, "health_days.invitations_sent")));
    expect(rows.map((r) => r.details)).toContainEqual({
      audience: { departments: ["produktion"], locations: [] },
      invited: 1,
      invitedBefore: 0,
      invitedTotal: 1,
    });
    expect(JSON.stringify(rows)).not.toContain("@");
  });

  it("refuse bad input, other companies, employees and a cancelled day", async () => {
    for (const audience of [{}, { departments: [] }, "some", { departments: ["A"], teams: ["B"] }]) {
      const res = await invite(w.asManager, audience);
      expect(res.statusCode, JSON.stringify(audience)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const stranger = api(t.app, (await signUpCompany(t.app, { name: "Fremd GmbH" })).cookie);
    expect((await invite(stranger, "all")).statusCode).toBe(404);
    expect((await invite(withAccount.as as Api, "all")).statusCode).toBe(403);
    expect((await invite(w.asManager, "all", "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    await w.asManager.post(`/api/health-days/${w.dayId}/transitions`, { action: "cancel" });
    t.mails.length = 0;
    const late = await invite(w.asManager, "all");
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("health_day_cancelled");
    await settle();
    expect(t.mails).toEqual([]);
  });
});
