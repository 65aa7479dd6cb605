import { dataAccessLog, dataGrant, withTenantTx } from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { lockLiveGrant } from "./partner-data.repository.js";
import { addEmployees, bearer, inOneMonth, makeWorld, people, type World } from "./test-fixtures.js";

/** "After the revoke commits, no request is served": a revoke racing partner requests. */
let t: TestApp;
let w: World;
let key: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t, { companyName: "Wettlauf GmbH" });
  await addEmployees(t, w.company.orgId, people(10, "Race"));
  key = (await w.asPartner.post("/api/provider/api-keys", { name: "race" })).json().key;
});
afterAll(() => t.close());

const url = () => `/api/partner/engagements/${w.engagementId}/data/employee_list`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function grant(): Promise<string> {
  const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
    decisions: [{ scopeKey: "employee_list", grant: true, confirmHighSensitivity: true }],
    expiresAt: inOneMonth(),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().granted[0].id;
}

describe("revoke racing partner requests", () => {
  it("never serves a request that started after the revoke's answer", async () => {
    const ROUNDS = 12;
    const REQUESTS = 6;
    let servedTotal = 0;
    let deniedTotal = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const grantId = await grant();
      let revokedAt = Number.POSITIVE_INFINITY;
      let revokeDone: () => void = () => {};
      const revoked = new Promise<void>((r) => {
        revokeDone = r;
      });
      const requests = Array.from({ length: REQUESTS }, async (_, i) => {
        // Every fourth round the last request waits for the revoke's answer, so refusals surely occur.
        if (round % 4 === 0 && i === REQUESTS - 1) await revoked;
        else await sleep(i * 6);
        const started = performance.now();
        const res = await bearer(t, key, url());
        return { started, status: res.statusCode };
      });
      const revoke = (async () => {
        // Every fourth round the revoke waits for the first request, so served answers surely occur;
        // the other rounds start it 0–30 ms in, in the middle of the requests.
        if (round % 4 === 3) await requests[0];
        else await sleep((round % 4) * 15);
        const res = await w.asCompany.post(`/api/data-grants/${grantId}/revoke`);
        expect(res.statusCode).toBe(200);
        revokedAt = performance.now();
        revokeDone();
      })();
      const results = await Promise.all(requests);
      await revoke;
      for (const r of results) {
        expect([200, 403]).toContain(r.status);
        if (r.started > revokedAt) expect(r.status).toBe(403);
      }
      servedTotal += results.filter((r) => r.status === 200).length;
      deniedTotal += results.filter((r) => r.status === 403).length;
      // After the revoke answered, the very next request is refused.
      expect((await bearer(t, key, url())).statusCode).toBe(403);
      // Each served access belongs to a grant that was live for it; the log and the answers agree.
      const logged = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(dataAccessLog)
        .where(and(eq(dataAccessLog.grantId, grantId), eq(dataAccessLog.outcome, "served")));
      expect(logged[0]?.n).toBe(results.filter((r) => r.status === 200).length);
    }
    // The requests really interleaved with the revokes: some were served, some refused.
    expect(servedTotal).toBeGreaterThan(0);
    expect(deniedTotal).toBeGreaterThan(0);
  }, 120_000);

  // On PostgreSQL the row lock (FOR SHARE vs. the revoke's UPDATE) orders them; on PGlite every
  // transaction is exclusive, so the same guarantee holds there by construction. Both are checked.
  it("a revoke waits for a serving transaction, and a request waits for an open revoke", async () => {
    const grantId = await grant();
    // A serving transaction holds the grant share-locked: the revoke must not answer until it commits.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const serving = withTenantTx(t.database.db, w.company.orgId, async (tx) => {
      const g = await lockLiveGrant(tx, w.company.orgId, w.partner.orgId, w.engagementId, "employee_list");
      expect(g?.id).toBe(grantId);
      locked();
      await held;
    });
    await isLocked;
    let revokeDone = false;
    const revoke = w.asCompany.post(`/api/data-grants/${grantId}/revoke`).then((r) => {
      revokeDone = true;
      return r;
    });
    await sleep(300);
    expect(revokeDone).toBe(false);
    release();
    await serving;
    expect((await revoke).statusCode).toBe(200);

    // An uncommitted revoke: a partner request waits for it and, once it commits, is refused.
    const second = await grant();
    let commit: () => void = () => {};
    const committed = new Promise<void>((r) => {
      commit = r;
    });
    let updated: () => void = () => {};
    const isUpdated = new Promise<void>((r) => {
      updated = r;
    });
    const revoking = withTenantTx(t.database.db, w.company.orgId, async (tx) => {
      await tx.update(dataGrant).set({ revokedAt: new Date(), endReason: "revoked" }).where(eq(dataGrant.id, second));
      updated();
      await committed;
    });
    await isUpdated;
    let answered = false;
    const request = bearer(t, key, url()).then((r) => {
      answered = true;
      return r;
    });
    await sleep(300);
    expect(answered).toBe(false);
    commit();
    await revoking;
    const res = await request;
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe("revoked");
  }, 60_000);
});
