import { type Database, dataGrant, type Tx, withTenantTx } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { enqueue } from "../../lib/jobs.js";
import { emitWebhookEvent } from "../webhooks/index.js";

/** One job per grant, due at its expiry: tells the partner's webhooks that the access ended by time. */
export const GRANT_EXPIRY_QUEUE = "data-grants.expiry";

interface ExpiryPayload extends Record<string, unknown> {
  orgId: string;
  grantId: string;
}

/**
 * A grant ends by time without anybody acting, so nothing else would announce it: when a grant is given,
 * a job is added in the same transaction, due at `expiresAt` (a renewed grant is a new row with a job of its own).
 */
export async function scheduleExpiryEvent(tx: Tx, grant: { orgId: string; id: string; expiresAt: Date }): Promise<void> {
  const payload: ExpiryPayload = { orgId: grant.orgId, grantId: grant.id };
  // No singleton key: a tenant transaction may only insert jobs (RLS), and every grant row gets one job anyway.
  await enqueue(tx, GRANT_EXPIRY_QUEUE, payload, { runAt: grant.expiresAt, orgId: grant.orgId });
}

/** At the expiry: `data_grant.expired` unless the grant was revoked or ended before (which said so already). */
export async function announceExpiry(db: Database, payload: ExpiryPayload, now: Date): Promise<boolean> {
  return withTenantTx(db, payload.orgId, async (tx) => {
    const [grant] = await tx
      .select()
      .from(dataGrant)
      .where(and(eq(dataGrant.orgId, payload.orgId), eq(dataGrant.id, payload.grantId)));
    if (!grant || grant.revokedAt || grant.expiresAt > now) return false;
    await emitWebhookEvent(tx, grant.providerOrgId, "data_grant.expired", {
      engagementId: grant.engagementId,
      grantId: grant.id,
      scopeKey: grant.scopeKey,
    });
    return true;
  });
}

/** Registers the expiry queue's handler on the app's job queue (one job per grant; the worker runs it when due). */
export const grantExpiryEvents: FastifyPluginAsync = async (app) => {
  app.jobs.register<ExpiryPayload>(GRANT_EXPIRY_QUEUE, async ({ payload, now }) => {
    await announceExpiry(app.db, payload, now);
  });
};
