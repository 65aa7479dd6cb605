import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpCompany, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("smoke", () => {
  it("health answers with the database state", async () => {
    const res = await api(t.app).get("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: { ok: true } });
  });
  it("a new company gets its project in phase 1", async () => {
    const m = await signUpCompany(t.app);
    const res = await api(t.app, m.cookie).get("/api/project");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().currentPhase).toBe(1);
  });
});
