import { healthDay, healthDayFeedback, healthDayFeedbackGiven, healthDayModule, offering, withTenantTx } from "@bgm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";

/** The second wall for health days: row-level security confines a day and its stations to the company. */
let t: TestApp;
let a: OrgUser;
let b: OrgUser;
let dayId: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpCompany(t.app, { name: "Firma A" });
  b = await signUpCompany(t.app, { name: "Firma B" });
  const res = await api(t.app, a.cookie).post("/api/health-days", { title: "Tag von A", startsOn: "2099-03-15" });
  expect(res.statusCode, res.body).toBe(201);
  dayId = res.json().id;
});
afterAll(() => t?.close());

describe("row-level security of health days", () => {
  it("an unscoped query in another company's tenant transaction sees no day and no station of A", async () => {
    const seen = await withTenantTx(t.database.db, b.orgId, async (tx) => ({
      days: await tx.select({ id: healthDay.id }).from(healthDay),
      modules: await tx.select({ id: healthDayModule.id }).from(healthDayModule),
    }));
    expect(seen).toEqual({ days: [], modules: [] });
    const own = await withTenantTx(t.database.db, a.orgId, (tx) => tx.select({ title: healthDay.title }).from(healthDay));
    expect(own).toEqual([{ title: "Tag von A" }]);
  });

  it("refuses to write a day into another company", async () => {
    await expect(
      withTenantTx(t.database.db, b.orgId, (tx) =>
        tx.insert(healthDay).values({ orgId: a.orgId, title: "Untergeschoben", startsOn: "2099-01-01", endsOn: "2099-01-01" }),
      ),
    ).rejects.toThrow();
    const days = await t.database.db.select({ title: healthDay.title }).from(healthDay);
    expect(days.map((d) => d.title)).toEqual(["Tag von A"]);
  });

  it("confines anonymous feedback and the markers of who answered to the company", async () => {
    // Set up outside the tenant (the test database's owner): a station from some offering.
    const p = await signUpProvider(t.app, { name: "Anbieter P" });
    const [o] = await t.database.db
      .insert(offering)
      .values({
        orgId: p.orgId,
        title: "Station",
        category: "health_day_module",
        deliveryMode: "on_site",
        priceFromCents: 1,
        priceUnit: "per_day",
        providerName: "P",
      })
      .returning({ id: offering.id });
    const [m] = await t.database.db
      .insert(healthDayModule)
      .values({ orgId: a.orgId, healthDayId: dayId, offeringId: o?.id as string, providerOrgId: p.orgId, title: "Station" })
      .returning({ id: healthDayModule.id });
    await withTenantTx(t.database.db, a.orgId, (tx) =>
      tx.insert(healthDayFeedback).values({ orgId: a.orgId, healthDayId: dayId, moduleId: m?.id as string, rating: 4 }),
    );
    const seen = await withTenantTx(t.database.db, b.orgId, async (tx) => ({
      answers: await tx.select({ id: healthDayFeedback.id }).from(healthDayFeedback),
      markers: await tx.select({ m: healthDayFeedbackGiven.moduleId }).from(healthDayFeedbackGiven),
    }));
    expect(seen).toEqual({ answers: [], markers: [] });
    await expect(
      withTenantTx(t.database.db, b.orgId, (tx) =>
        tx.insert(healthDayFeedback).values({ orgId: a.orgId, healthDayId: dayId, moduleId: m?.id as string, rating: 1 }),
      ),
    ).rejects.toThrow();
    const own = await withTenantTx(t.database.db, a.orgId, (tx) => tx.select({ rating: healthDayFeedback.rating }).from(healthDayFeedback));
    expect(own).toEqual([{ rating: 4 }]);
  });
});
