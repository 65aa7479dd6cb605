import { z } from "zod";
import { SUBSCRIBABLE_WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from "../registries/webhook-events.js";
import { Timestamp } from "./common.js";
import { cursorPage } from "./lists.js";

const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: "Only http and https URLs" })
  .describe("Where the events are POSTed (http or https; no private or loopback addresses)");
const EventList = z
  .array(z.enum(SUBSCRIBABLE_WEBHOOK_EVENTS as unknown as [string, ...string[]]))
  .min(1)
  .max(SUBSCRIBABLE_WEBHOOK_EVENTS.length)
  .describe("The event types this endpoint receives");

export const WebhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  status: z.enum(["active", "disabled"]),
  disabledReason: z.string().nullable(),
  /** While a rotated secret still signs, until this time. */
  previousSecretUntil: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const WebhookEndpointList = cursorPage(WebhookEndpoint);
export const CreateWebhookEndpoint = z.strictObject({
  url: WebhookUrl,
  events: EventList,
  description: z.string().trim().max(500).default(""),
});
export const UpdateWebhookEndpoint = z.strictObject({
  url: WebhookUrl.optional(),
  events: EventList.optional(),
  description: z.string().trim().max(500).optional(),
  /** Re-enable a disabled endpoint, or pause one. */
  status: z.enum(["active", "disabled"]).optional(),
});
export const WebhookSecret = z.object({
  secret: z.string().describe("`whsec_…`: shown only in this answer; store it now."),
});
export const CreatedWebhookEndpoint = WebhookEndpoint.extend(WebhookSecret.shape);
export const RotateWebhookSecret = z.strictObject({
  overlapHours: z.number().int().min(0).max(168).default(24).describe("How long the old secret keeps signing too"),
});
export const RotatedWebhookSecret = WebhookEndpoint.extend(WebhookSecret.shape);

export const WebhookAttempt = z.object({
  id: z.uuid(),
  deliveryId: z.uuid(),
  eventId: z.string().describe("The webhook-id header: the same on every try of one event"),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  attempt: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
  nextAttemptAt: Timestamp.nullable(),
  deliveryStatus: z.enum(["pending", "retrying", "succeeded", "failed", "cancelled"]),
  at: Timestamp,
});
export const WebhookAttemptList = cursorPage(WebhookAttempt);
export const WebhookTestSent = z.object({ deliveryId: z.uuid(), eventId: z.string() });
