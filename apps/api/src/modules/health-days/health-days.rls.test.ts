import { healthDay, healthDayModule, withTenantTx } from "@bgm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";

/** The second wall for health days: row-level security confines a day and its stations to the company. */
let t: TestApp;
let a: OrgUser;
let b: OrgUser;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpCompany(t.app, { name: "Firma A" });
  b = await signUpCompany(t.app, { name: "Firma B" });
  const res = await api(t.app, a.cookie).post("/api/health-days", { title: "Tag von A", startsOn: "2099-03-15" });
  expect(res.statusCode, res.body).toBe(201);
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
});
