import type {
  CreateWebhookEndpoint,
  CursorQuery,
  RotateWebhookSecret,
  UpdateWebhookEndpoint,
  WebhookAttempt,
  WebhookEndpoint,
} from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { enqueue } from "../../lib/jobs.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { DELIVER_QUEUE, newEventId } from "./emit.js";
import { newWebhookSecret } from "./signing.js";
import { checkWebhookUrl, ForbiddenUrlError, resolvePublic } from "./ssrf.js";
import * as repo from "./webhooks.repository.js";
import { eventBody, MAX_TRIES } from "./worker.js";

/** A partner admin's endpoints: subscribe, change, delete, rotate the secret, send a test, read the log. */

export interface WebhookSettings {
  allowPrivate: boolean;
}

function toEndpoint(e: repo.EndpointRow): z.infer<typeof WebhookEndpoint> {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.status as "active" | "disabled",
    disabledReason: e.disabledReason,
    previousSecretUntil: e.previousSecretUntil?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

async function requireAllowedUrl(raw: string, settings: WebhookSettings): Promise<void> {
  try {
    await resolvePublic(checkWebhookUrl(raw, settings.allowPrivate), settings.allowPrivate);
  } catch (err) {
    if (err instanceof ForbiddenUrlError)
      throw AppError.unprocessable(`This URL cannot receive webhooks: ${err.message}`, { field: "url", reason: "forbidden_address" });
    throw err;
  }
}

async function requireEndpoint(scope: TenantScope, id: string) {
  const row = await repo.findEndpoint(scope.tx, scope.orgId, id);
  if (!row) throw AppError.notFound("Webhook endpoint");
  return row;
}

export async function listEndpoints(scope: TenantScope, page: CursorQuery) {
  const rows = await repo.listEndpoints(scope.tx, scope.orgId, {
    after: decodeCursor(page.cursor, repo.EndpointCursor),
    limit: page.limit,
  });
  return toPage(rows, page.limit, (e) => [e.createdAt.toISOString(), e.id], toEndpoint);
}

export async function createEndpoint(scope: TenantScope, input: z.infer<typeof CreateWebhookEndpoint>, settings: WebhookSettings) {
  await requireAllowedUrl(input.url, settings);
  const secret = newWebhookSecret();
  const row = await repo.insertEndpoint(scope.tx, {
    orgId: scope.orgId,
    url: input.url,
    description: input.description,
    events: [...new Set(input.events)],
    secret,
    createdBy: scope.userId,
  });
  await scope.audit({
    action: "webhook_endpoint.created",
    entityType: "webhook_endpoint",
    entityId: row.id,
    details: { events: row.events },
  });
  return { ...toEndpoint(row), secret };
}

export async function updateEndpoint(
  scope: TenantScope,
  id: string,
  input: z.infer<typeof UpdateWebhookEndpoint>,
  settings: WebhookSettings,
) {
  const current = await requireEndpoint(scope, id);
  if (input.url !== undefined) await requireAllowedUrl(input.url, settings);
  const row = await repo.updateEndpoint(scope.tx, scope.orgId, id, {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.status !== undefined
      ? { status: input.status, disabledReason: input.status === "disabled" ? "by_partner" : null, consecutiveFailures: 0 }
      : {}),
  });
  if (!row) throw AppError.notFound("Webhook endpoint");
  await scope.audit({
    action: "webhook_endpoint.updated",
    entityType: "webhook_endpoint",
    entityId: id,
    details: {
      urlChanged: input.url !== undefined && input.url !== current.url,
      events: input.events ?? null,
      status: input.status ?? null,
    },
  });
  return toEndpoint(row);
}

export async function deleteEndpoint(scope: TenantScope, id: string) {
  const row = await repo.deleteEndpoint(scope.tx, scope.orgId, id);
  if (!row) throw AppError.notFound("Webhook endpoint");
  await scope.audit({ action: "webhook_endpoint.deleted", entityType: "webhook_endpoint", entityId: id });
  return toEndpoint(row);
}

/** A new secret; the old one keeps signing alongside it for the overlap, so receivers can switch over. */
export async function rotateSecret(scope: TenantScope, id: string, input: z.infer<typeof RotateWebhookSecret>, now = new Date()) {
  const current = await requireEndpoint(scope, id);
  const secret = newWebhookSecret();
  const until = input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * 3_600_000) : null;
  const row = await repo.updateEndpoint(scope.tx, scope.orgId, id, {
    secret,
    previousSecret: until ? current.secret : null,
    previousSecretUntil: until,
  });
  if (!row) throw AppError.notFound("Webhook endpoint");
  await scope.audit({
    action: "webhook_endpoint.secret_rotated",
    entityType: "webhook_endpoint",
    entityId: id,
    details: { overlapHours: input.overlapHours },
  });
  return { ...toEndpoint(row), secret };
}

/** A `webhook.test` event to this endpoint alone, through the queue like any other. */
export async function sendTestEvent(scope: TenantScope, id: string, now = new Date()) {
  await requireEndpoint(scope, id);
  const eventId = newEventId();
  const deliveryId = await repo.insertDelivery(scope.tx, {
    orgId: scope.orgId,
    endpointId: id,
    eventId,
    eventType: "webhook.test",
    payload: eventBody({ type: "webhook.test", occurredAt: now.toISOString(), data: { endpointId: id } }),
    nextAttemptAt: now,
  });
  if (!deliveryId) throw new Error("test delivery not added");
  await enqueue(scope.tx, DELIVER_QUEUE, { deliveryId }, { orgId: scope.orgId, maxAttempts: MAX_TRIES });
  await scope.audit({ action: "webhook_endpoint.test_sent", entityType: "webhook_endpoint", entityId: id, details: { eventId } });
  return { deliveryId, eventId };
}

export async function listAttempts(scope: TenantScope, id: string, page: CursorQuery) {
  await requireEndpoint(scope, id);
  const rows = await repo.listAttempts(scope.tx, scope.orgId, id, {
    after: decodeCursor(page.cursor, repo.AttemptCursor),
    limit: page.limit,
  });
  return toPage(
    rows,
    page.limit,
    (r) => [r.attempt.createdAt.toISOString(), r.attempt.id],
    (r): z.infer<typeof WebhookAttempt> => ({
      id: r.attempt.id,
      deliveryId: r.delivery.id,
      eventId: r.delivery.eventId,
      eventType: r.delivery.eventType as z.infer<typeof WebhookAttempt>["eventType"],
      attempt: r.attempt.attempt,
      ok: r.attempt.ok,
      statusCode: r.attempt.statusCode,
      latencyMs: r.attempt.latencyMs,
      error: r.attempt.error,
      nextAttemptAt: r.attempt.nextAttemptAt?.toISOString() ?? null,
      deliveryStatus: r.delivery.status as z.infer<typeof WebhookAttempt>["deliveryStatus"],
      at: r.attempt.createdAt.toISOString(),
    }),
  );
}
