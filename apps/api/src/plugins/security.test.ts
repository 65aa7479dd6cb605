import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpCompany, type TestApp } from "../../test/helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** What the web app's pages get: helmet's full set for documents. */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};

/** What every API answer gets (OWASP REST Security Cheat Sheet): nothing may load, run, frame or keep it. */
const API_ANSWER_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cross-origin-resource-policy": "same-origin",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
};

describe("security headers", () => {
  it("sends the API's headers on every API answer: public, authenticated, refused and unknown routes", async () => {
    const manager = api(t.app, (await signUpCompany(t.app)).cookie);
    const answers = [
      await api(t.app).get("/api/health"),
      await manager.get("/api/marketplace/offerings"),
      await api(t.app).get("/api/marketplace/offerings"),
      await api(t.app).get("/api/nothing-here"),
      await api(t.app).raw({ method: "POST", url: "/api/organizations", headers: { "x-requested-with": "" }, payload: {} }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 403]);
    for (const res of answers) {
      expect(res.headers, res.body).toMatchObject(API_ANSWER_HEADERS);
      expect(res.headers["x-request-id"]).toBeTruthy();
      // Document-only headers stay off JSON answers.
      for (const name of ["cross-origin-opener-policy", "origin-agent-cluster", "x-xss-protection", "cross-origin-embedder-policy"]) {
        expect(res.headers[name], name).toBeUndefined();
      }
    }
  });

  it("sends helmet's document headers on everything outside /api/ (the web app's pages)", async () => {
    const res = await api(t.app).raw({ method: "GET", url: "/engagements/anything" });
    expect(res.headers, res.body).toMatchObject(PAGE_HEADERS);
    expect(res.headers["cross-origin-embedder-policy"]).toBeUndefined();
  });

  it("lets the Swagger UI under /api/docs keep the policy it needs to run", async () => {
    const res = await api(t.app).raw({ method: "GET", url: "/api/docs" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
