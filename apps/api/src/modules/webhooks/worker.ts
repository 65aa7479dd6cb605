import { type Database, member, user, webhookEndpoint, withTenantTx } from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { enqueue, type JobContext, type JobQueue } from "../../lib/jobs.js";
import type { Mailer } from "../../lib/mailer.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import { DELIVER_QUEUE, FANOUT_QUEUE, type FanoutPayload } from "./emit.js";
import { sendWebhook } from "./send.js";
import { signatureHeaders } from "./signing.js";
import * as repo from "./webhooks.repository.js";

/**
 * When a failed try is repeated: after 5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 8 h and 8 h — nine tries over
 * about 23.6 hours. After the last one the delivery has failed and the endpoint is disabled (with a mail
 * to the partner's admins): an endpoint that answered nothing for a day is not coming back by itself.
 */
export const RETRY_SCHEDULE_MS = [5_000, 60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 28_800_000, 28_800_000];
export const MAX_TRIES = RETRY_SCHEDULE_MS.length + 1;

export interface WebhookWorkerDeps {
  db: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  appUrl: string;
  allowPrivate: boolean;
  timeoutMs: number;
}

/** The webhook payload as sent (Standard Webhooks: type, timestamp, data). */
export const eventBody = (p: { type: string; occurredAt: string; data: Record<string, unknown> }) => ({
  type: p.type,
  timestamp: p.occurredAt,
  data: p.data,
});

/** One delivery job per subscribed endpoint; running twice adds nothing twice (unique per event and endpoint). */
async function fanOut(deps: WebhookWorkerDeps, ctx: JobContext<FanoutPayload>) {
  const p = ctx.payload;
  await deps.db.transaction(async (tx) => {
    const endpoints = await repo.subscribedEndpoints(tx, p.orgId, p.type);
    for (const e of endpoints) {
      const id = await repo.insertDelivery(tx, {
        orgId: p.orgId,
        endpointId: e.id,
        eventId: p.eventId,
        eventType: p.type,
        payload: eventBody(p),
        nextAttemptAt: ctx.now,
      });
      if (id) await enqueue(tx as never, DELIVER_QUEUE, { deliveryId: id }, { orgId: p.orgId, maxAttempts: MAX_TRIES });
    }
  });
}

/** One try of one delivery; throws when it failed and another try is due (the queue schedules it). */
async function deliver(deps: WebhookWorkerDeps, ctx: JobContext<{ deliveryId: string }>) {
  const found = await repo.findDelivery(deps.db, ctx.payload.deliveryId);
  if (!found) return; // the endpoint was deleted
  const { delivery, endpoint } = found;
  if (delivery.status === "succeeded" || delivery.status === "failed" || delivery.status === "cancelled") return;
  if (endpoint.status !== "active") {
    await repo.updateDelivery(deps.db, delivery.id, { status: "cancelled", nextAttemptAt: null, finishedAt: ctx.now });
    return;
  }
  const body = JSON.stringify(delivery.payload);
  // Signed with the wall clock, not the queue's: receivers reject stale timestamps (replays) against theirs.
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > ctx.now)
    secrets.push(endpoint.previousSecret);
  const outcome = await sendWebhook(endpoint.url, signatureHeaders(secrets, delivery.eventId, new Date(), body), body, deps);
  const next = outcome.ok ? null : ctx.retryAt;
  await deps.db.transaction(async (tx) => {
    await repo.insertAttempt(tx, {
      orgId: delivery.orgId,
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      attempt: ctx.attempt,
      ok: outcome.ok,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      error: outcome.error,
      nextAttemptAt: next,
    });
    await repo.updateDelivery(tx, delivery.id, {
      status: outcome.ok ? "succeeded" : next ? "retrying" : "failed",
      attempts: ctx.attempt,
      nextAttemptAt: next,
      finishedAt: outcome.ok || !next ? ctx.now : null,
    });
    // Only when the count changes: every success writing the endpoint's row would queue concurrent
    // deliveries to one endpoint on its row lock.
    if (!outcome.ok || endpoint.consecutiveFailures > 0) {
      await repo.updateEndpoint(tx, endpoint.orgId, endpoint.id, {
        consecutiveFailures: outcome.ok ? 0 : sql`${webhookEndpoint.consecutiveFailures} + 1`,
      });
    }
  });
  if (outcome.ok) return;
  if (next) throw new Error(outcome.error ?? "delivery failed");
  await disableEndpoint(deps, endpoint);
}

/** After a delivery used up its tries: the endpoint stops receiving, and the partner's admins hear of it. */
async function disableEndpoint(deps: WebhookWorkerDeps, endpoint: repo.EndpointRow) {
  const changed = await withTenantTx(deps.db, endpoint.orgId, async (tx) => {
    const row = await repo.updateEndpoint(tx, endpoint.orgId, endpoint.id, {
      status: "disabled",
      disabledReason: "repeated_failures",
    });
    if (!row || endpoint.status !== "active") return false;
    const scope = makeTenantScope(
      tx,
      { orgId: endpoint.orgId, orgKind: "provider", role: "partner_admin", userId: SYSTEM_USER_ID },
      { ip: null, userAgent: "webhook-worker", requestId: null },
    );
    await scope.audit({
      action: "webhook_endpoint.disabled",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      details: { failures: endpoint.consecutiveFailures + 1 },
    });
    return true;
  });
  if (!changed) return;
  const admins = await deps.db
    .select({ email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, endpoint.orgId), eq(member.role, "partner_admin")));
  const link = `${deps.appUrl.replace(/\/+$/, "")}/partner/webhooks`;
  await Promise.allSettled(
    admins.map((a) =>
      deps.mailer.send({
        to: a.email,
        subject: "Webhook abgeschaltet / Webhook disabled",
        text:
          `Ihr Webhook ${endpoint.url} hat einen Tag lang keine Zustellung angenommen und wurde abgeschaltet. ` +
          `Prüfen Sie den Empfänger und schalten Sie ihn wieder ein: ${link}\n\n` +
          `Your webhook ${endpoint.url} accepted no delivery for a day and was disabled. ` +
          `Check the receiver and enable it again: ${link}`,
      }),
    ),
  );
  deps.log.warn({ endpointId: endpoint.id }, "webhook endpoint disabled after repeated failures");
}

/** The webhook queues on the app's job queue. */
export function registerWebhookJobs(jobs: JobQueue, deps: WebhookWorkerDeps): void {
  jobs.register<FanoutPayload>(FANOUT_QUEUE, (ctx) => fanOut(deps, ctx));
  jobs.register<{ deliveryId: string }>(DELIVER_QUEUE, (ctx) => deliver(deps, ctx), {
    backoffMs: (attempt) => RETRY_SCHEDULE_MS[Math.min(attempt, RETRY_SCHEDULE_MS.length) - 1] as number,
    leaseMs: 60_000,
  });
}
