import { job } from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeWorld, type World } from "./test-fixtures.js";

/** Issue 16: the partner's webhooks hear when a grant ends by time (data_grant.expired) or with the engagement. */
let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t, { scopes: ["goals"], companyName: "Ablauf GmbH" });
}, 120_000);
afterAll(() => t?.close());

const events = (type: string) =>
  t.database.db
    .select({ payload: job.payload })
    .from(job)
    .where(and(eq(job.queue, "webhooks.fanout"), sql`${job.payload}->>'type' = ${type}`));

describe("grant end events for the partner's webhooks", () => {
  it("announces data_grant.expired once at the expiry, and never for a grant revoked before", async () => {
    const expiresAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [{ scopeKey: "goals", grant: true }],
      expiresAt: expiresAt.toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const grantId = res.json().granted[0].id as string;

    await t.app.jobs.runDue({ now: new Date(expiresAt.getTime() - 60_000) });
    expect(await events("data_grant.expired")).toHaveLength(0);
    await t.app.jobs.runDue({ now: new Date(expiresAt.getTime() + 60_000) });
    const expired = await events("data_grant.expired");
    expect(expired).toHaveLength(1);
    expect(((expired[0]?.payload ?? {}) as { orgId?: string }).orgId).toBe(w.partner.orgId);
    expect(((expired[0]?.payload ?? {}) as { data?: unknown }).data).toEqual({ engagementId: w.engagementId, grantId, scopeKey: "goals" });
    await t.app.jobs.runDue({ now: new Date(expiresAt.getTime() + 120_000) });
    expect(await events("data_grant.expired")).toHaveLength(1);
  });

  it("a grant revoked before its expiry is announced as revoked, not as expired; ending the engagement revokes", async () => {
    const expiresAt = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [{ scopeKey: "goals", grant: true }],
      expiresAt: expiresAt.toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const revokedBefore = (await events("data_grant.revoked")).length;
    const cancel = await w.asCompany.post(`/api/engagements/${w.engagementId}/transitions`, {
      action: "cancel",
      message: "Projekt gestoppt",
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await events("data_grant.revoked")).length).toBe(revokedBefore + 1);
    await t.app.jobs.runDue({ now: new Date(expiresAt.getTime() + 60_000) });
    expect(await events("data_grant.expired")).toHaveLength(1);
  });
});
