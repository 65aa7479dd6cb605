import { randomUUID } from "node:crypto";
import type { Tx } from "@bgm/db";
import type { WebhookEventData, WebhookEventType } from "@bgm/domain";
import { enqueue } from "../../lib/jobs.js";

export const FANOUT_QUEUE = "webhooks.fanout";
export const DELIVER_QUEUE = "webhooks.deliver";

export interface FanoutPayload extends Record<string, unknown> {
  orgId: string;
  eventId: string;
  type: WebhookEventType;
  occurredAt: string;
  data: Record<string, unknown>;
}

export const newEventId = () => `msg_${randomUUID().replaceAll("-", "")}`;

/**
 * Tells a partner's webhooks that something happened: adds one fan-out job in the caller's transaction
 * (so the event exists exactly when the change committed, and no request waits for any endpoint). The
 * worker then finds the partner's subscribed endpoints and delivers to each. `data`: ids and what changed,
 * never employee data.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
  tx: Tx,
  partnerOrgId: string,
  type: T,
  data: WebhookEventData[T],
): Promise<void> {
  const payload: FanoutPayload = {
    orgId: partnerOrgId,
    eventId: newEventId(),
    type,
    occurredAt: new Date().toISOString(),
    data: data as unknown as Record<string, unknown>,
  };
  await enqueue(tx, FANOUT_QUEUE, payload, { orgId: partnerOrgId, maxAttempts: 20 });
}
