import { apiKey } from "@bgm/db";
import { ErrorBody } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngagementWorld, makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import { api, createTestApp, signUpCompany, type TestApp } from "../../../test/helpers.js";

/**
 * The partner API's engagement reads as an integrator meets them: a provider's machine holding
 * an API key, another provider's machine trying the same ids, keys that were revoked or expired.
 */

let t: TestApp;
/** Provider P with an engagement in progress for Muster GmbH … */
let w: EngagementWorld;
/** … and a second one, a quote request of another company to the same provider. */
let secondId: string;
/** Provider Q with its own engagement, which P's key must never see. */
let q: EngagementWorld;
let pKey: { id: string; key: string };
let qKey: { id: string; key: string };

const bearer = (key: string, url: string) => t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${key}` } });

async function newKey(as: EngagementWorld["asPartner"], name: string) {
  const res = await as.post("/api/provider/api-keys", { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; key: string };
}

/** The provider's audit entries of one key's use, oldest first (what its partner admin reads at /api/audit). */
async function keyAudit(as: EngagementWorld["asPartner"], keyId: string) {
  const res = await as.get("/api/audit?entityType=api_key&limit=100");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { action: string; entityId: string; details: Record<string, unknown> }[])
    .filter((e) => e.entityId === keyId && ["api_key.read", "api_key.refused"].includes(e.action))
    .reverse();
}

function expectApiError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(ErrorBody.safeParse(res.json()).success, res.body).toBe(true);
  expect(res.json().error.code).toBe(code);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeEngagementWorld(t, { until: "in_progress", offering: { title: "COPSOQ-Analyse P" }, what: "Befragung Muster" });
  const other = await signUpCompany(t.app, { name: "Zweite GmbH" });
  const created = await api(t.app, other.cookie).post("/api/engagements", { offeringId: w.offeringId, brief: { what: "Zweite Anfrage" } });
  expect(created.statusCode, created.body).toBe(201);
  secondId = created.json().id;
  q = await makeEngagementWorld(t, {
    until: "accepted",
    offering: { title: "Angebot Q" },
    what: "Geheim bei Q",
    companyName: "Q-Kunde GmbH",
  });
  pKey = await newKey(w.asPartner, "Abrechnung P");
  qKey = await newKey(q.asPartner, "Abrechnung Q");
});
afterAll(() => t.close());

describe("partner API: engagements by API key", () => {
  it("lists the provider's own engagements, exactly as the portal lists them, and nothing of another provider", async () => {
    const res = await bearer(pKey.key, "/api/partner/engagements");
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((e: { id: string }) => e.id);
    expect(ids.sort()).toEqual([w.engagementId, secondId].sort());
    expect(res.body).not.toContain("Geheim bei Q");
    expect(res.json()).toEqual((await w.asPartner.get("/api/engagements")).json());
    // The portal's filters work the same way.
    const requested = await bearer(pKey.key, "/api/partner/engagements?status=requested");
    expect(requested.json().items.map((e: { id: string }) => e.id)).toEqual([secondId]);
    expectApiError(await bearer(pKey.key, "/api/partner/engagements?status=erfunden"), 400, "validation_failed");
  });

  it("shows one engagement as the partner's portal does: status, offering, company, quote and timeline", async () => {
    const res = await bearer(pKey.key, `/api/partner/engagements/${w.engagementId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual((await w.asPartner.get(`/api/engagements/${w.engagementId}`)).json());
    const e = res.json();
    expect(e).toMatchObject({ status: "in_progress", offeringTitle: "COPSOQ-Analyse P", companyName: "Muster GmbH" });
    expect(e.quotes.map((x: { status: string }) => x.status)).toEqual(["accepted"]);
    expect(e.timeline.map((x: { toStatus: string | null }) => x.toStatus)).toEqual(["requested", "quoted", "accepted", "in_progress"]);
  });

  it("answers another provider's engagement with 404, in the same shape as an unknown one, and logs the refusal", async () => {
    for (const url of [`/api/partner/engagements/${w.engagementId}`, `/api/partner/engagements/${crypto.randomUUID()}`]) {
      const res = await bearer(qKey.key, url);
      expectApiError(res, 404, "not_found");
      expect(res.body).not.toContain("Muster");
    }
    const refused = (await keyAudit(q.asPartner, qKey.id)).filter((e) => e.action === "api_key.refused");
    expect(refused[0]?.details).toMatchObject({ engagementId: w.engagementId, status: 404, reason: "not_found" });
    // The provider's own engagement is still readable with the same key.
    expect((await bearer(qKey.key, `/api/partner/engagements/${q.engagementId}`)).statusCode).toBe(200);
  });

  it("logs every key access in the provider's audit log and sets the key's lastUsedAt", async () => {
    const key = await newKey(w.asPartner, "Protokoll");
    const before = (await w.asPartner.get("/api/provider/api-keys")).json().items.find((k: { id: string }) => k.id === key.id);
    expect(before.lastUsedAt).toBeNull();
    await bearer(key.key, "/api/partner/engagements");
    await bearer(key.key, `/api/partner/engagements/${w.engagementId}`);
    const after = (await w.asPartner.get("/api/provider/api-keys")).json().items.find((k: { id: string }) => k.id === key.id);
    expect(after.lastUsedAt).not.toBeNull();
    const entries = await keyAudit(w.asPartner, key.id);
    expect(entries.map((e) => [e.action, e.details.route, e.details.engagementId])).toEqual([
      ["api_key.read", "GET /api/partner/engagements", null],
      ["api_key.read", "GET /api/partner/engagements/:id", w.engagementId],
    ]);
    // The key acts on behalf of the admin who created it.
    const [row] = await t.database.db.select({ createdBy: apiKey.createdBy }).from(apiKey).where(eq(apiKey.id, key.id));
    expect(row?.createdBy).toBe(w.partner.userId);
  });

  it("refuses revoked and expired keys with 401 in the agreed shape and logs the attempt", async () => {
    const revoked = await newKey(w.asPartner, "Widerrufen");
    expect((await w.asPartner.post(`/api/provider/api-keys/${revoked.id}/revoke`)).statusCode).toBe(200);
    const r1 = await bearer(revoked.key, "/api/partner/engagements");
    expectApiError(r1, 401, "invalid_api_key");
    expect(r1.json().error.details).toEqual({ reason: "key_revoked" });

    const expired = await newKey(w.asPartner, "Abgelaufen");
    await t.database.db.update(apiKey).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(apiKey.id, expired.id));
    const r2 = await bearer(expired.key, `/api/partner/engagements/${w.engagementId}`);
    expectApiError(r2, 401, "invalid_api_key");
    expect(r2.json().error.details).toEqual({ reason: "key_expired" });
    expect(r2.body).not.toContain("Muster");

    expect((await keyAudit(w.asPartner, revoked.id)).map((e) => [e.action, e.details.reason])).toEqual([
      ["api_key.refused", "key_revoked"],
    ]);
    expect((await keyAudit(w.asPartner, expired.id)).map((e) => [e.action, e.details.reason])).toEqual([
      ["api_key.refused", "key_expired"],
    ]);
    // A refused key was not used: its lastUsedAt stays empty.
    const keys = (await w.asPartner.get("/api/provider/api-keys")).json().items as { id: string; lastUsedAt: string | null }[];
    expect(keys.filter((k) => [revoked.id, expired.id].includes(k.id)).map((k) => k.lastUsedAt)).toEqual([null, null]);
    expectApiError(await bearer("bgm_nonsense", "/api/partner/engagements"), 401, "invalid_api_key");
  });

  it("is for providers only: a company session gets 403, nobody signed in 401", async () => {
    expectApiError(await w.asCompany.get("/api/partner/engagements"), 403, "forbidden");
    expectApiError(await w.asCompany.get(`/api/partner/engagements/${w.engagementId}`), 403, "forbidden");
    expectApiError(await api(t.app).get("/api/partner/engagements"), 401, "unauthenticated");
    // The partner's own session may use it, like the other partner endpoints.
    expect((await w.asPartner.get(`/api/partner/engagements/${w.engagementId}`)).statusCode).toBe(200);
  });

  it("reads only: a key opens none of the portal's routes, so it cannot quote, move or report progress", async () => {
    expect((await bearer(pKey.key, "/api/engagements")).statusCode).toBe(401);
    const move = await t.app.inject({
      method: "POST",
      url: `/api/engagements/${w.engagementId}/progress`,
      headers: { authorization: `Bearer ${pKey.key}`, "x-requested-with": "bgm-hub" },
      payload: { percent: 50, message: "per Schlüssel" },
    });
    expect(move.statusCode).toBe(401);
    expect((await w.asPartner.get(`/api/engagements/${w.engagementId}`)).json().progressPercent).toBeNull();
  });
});
