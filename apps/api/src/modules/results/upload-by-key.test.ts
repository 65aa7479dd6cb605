import { apiKey } from "@bgm/db";
import { ErrorBody, outputType } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeResultWorld, type ResultWorld } from "./test-fixtures.js";

const COPSOQ = { outputType: "copsoq_analysis", payload: outputType("copsoq_analysis")?.example };

describe("uploads with an API key", () => {
  let t: TestApp;
  let w: ResultWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await makeResultWorld(t);
  });
  afterAll(async () => t.close());

  const uploadUrl = () => `/api/partner/engagements/${w.engagementId}/results`;
  const withKey = (key: string, body: unknown) =>
    t.app.inject({
      method: "POST",
      url: uploadUrl(),
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      payload: JSON.stringify(body),
    });
  const readWithKey = (key: string) => t.app.inject({ method: "GET", url: uploadUrl(), headers: { authorization: `Bearer ${key}` } });
  const newKey = async (name: string) => {
    const res = await w.asPartner.post("/api/provider/api-keys", { name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; key: string };
  };
  /** The provider's audit entries of one key's refusals, oldest first (what its partner admin reads at /api/audit). */
  const refusalsOf = async (keyId: string) =>
    (
      (await w.asPartner.get("/api/audit?entityType=api_key&limit=100")).json().items as {
        action: string;
        entityId: string;
        details: unknown;
      }[]
    )
      .filter((e) => e.entityId === keyId && e.action === "api_key.refused")
      .map((e) => e.details)
      .reverse();
  const resultCount = async () => (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items.length;

  it("delivers without a session or CSRF header; a revoked or malformed key is a 401", async () => {
    const { key, id } = await newKey("Auswertungs-Pipeline");
    const res = await withKey(key, COPSOQ);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ viaApiKey: true, submittedByName: null, version: 1 });

    expect((await withKey("bgm_nonsense", COPSOQ)).statusCode).toBe(401);
    expect((await w.asPartner.post(`/api/provider/api-keys/${id}/revoke`)).statusCode).toBe(200);
    const revoked = await withKey(key, COPSOQ);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.details.reason).toBe("key_revoked");
    expect(await resultCount()).toBe(1);
  });

  it("refuses a revoked, expired or altered key as every key read does, and records the attempt in the provider's audit log", async () => {
    const before = await resultCount();
    const revoked = await newKey("Widerrufen");
    expect((await w.asPartner.post(`/api/provider/api-keys/${revoked.id}/revoke`)).statusCode).toBe(200);
    const expired = await newKey("Abgelaufen");
    await t.database.db.update(apiKey).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(apiKey.id, expired.id));
    const altered = await newKey("Verändert");
    const alteredKey = `${altered.key.slice(0, -1)}${altered.key.endsWith("A") ? "B" : "A"}`;

    for (const [key, reason] of [
      [revoked.key, "key_revoked"],
      [expired.key, "key_expired"],
      [alteredKey, "bad_key"],
      ["bgm_nonsense", "bad_key"],
    ] as const) {
      const upload = await withKey(key, COPSOQ);
      expect(upload.statusCode, upload.body).toBe(401);
      expect(ErrorBody.safeParse(upload.json()).success, upload.body).toBe(true);
      expect(upload.json().error).toMatchObject({ code: "invalid_api_key", details: { reason } });
      // The same answer as a read of the same engagement with the same key.
      const read = await readWithKey(key);
      expect(read.statusCode).toBe(401);
      expect(upload.json()).toEqual(read.json());
    }
    expect(await resultCount()).toBe(before);

    // Each attempt is in the audit log, the upload's as the read's (a key that names no provider cannot be).
    const upload = { route: "POST /api/partner/engagements/:id/results", engagementId: w.engagementId, status: 401 };
    const read = { ...upload, route: "GET /api/partner/engagements/:id/results" };
    expect(await refusalsOf(revoked.id)).toEqual([
      { ...upload, reason: "key_revoked" },
      { ...read, reason: "key_revoked" },
    ]);
    expect(await refusalsOf(expired.id)).toEqual([
      { ...upload, reason: "key_expired" },
      { ...read, reason: "key_expired" },
    ]);
    expect(await refusalsOf(altered.id)).toEqual([
      { ...upload, reason: "bad_key" },
      { ...read, reason: "bad_key" },
    ]);
    // A refused key was not used.
    const keys = (await w.asPartner.get("/api/provider/api-keys")).json().items as { id: string; lastUsedAt: string | null }[];
    expect(keys.filter((k) => [revoked.id, expired.id, altered.id].includes(k.id)).map((k) => k.lastUsedAt)).toEqual([null, null, null]);
  });
});
