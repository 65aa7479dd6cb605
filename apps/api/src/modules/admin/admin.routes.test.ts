import { user } from "@bgm/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signIn, signUp, signUpCompany, type TestApp } from "../../../test/helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("platform admin", () => {
  it("lists organizations with member counts for a platform admin only", async () => {
    const company = await signUpCompany(t.app, { name: "Admin-Test GmbH" });
    const admin = await signUp(t.app, { name: "Admin" });
    await t.database.db.update(user).set({ platformRole: "admin" }).where(eq(user.id, admin.userId));
    const cookie = await signIn(t.app, admin.email);
    const res = await api(t.app, cookie).get("/api/admin/organizations");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toContainEqual(
      expect.objectContaining({ id: company.orgId, name: "Admin-Test GmbH", kind: "company", members: 1 }),
    );
    expect((await api(t.app, company.cookie).get("/api/admin/organizations")).statusCode).toBe(403);
  });
});
