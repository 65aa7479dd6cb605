import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpCompany, type TestApp } from "../../test/helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const HELMET_HEADERS = {
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

describe("security headers", () => {
  it("sends helmet's headers on every answer: public, authenticated, refused and unknown routes", async () => {
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
      expect(res.headers, res.body).toMatchObject(HELMET_HEADERS);
      expect(res.headers["cross-origin-embedder-policy"]).toBeUndefined();
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });
});
