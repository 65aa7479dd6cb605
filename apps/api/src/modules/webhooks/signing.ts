import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Signing after the Standard Webhooks spec (standardwebhooks.com): headers `webhook-id`,
 * `webhook-timestamp` (seconds) and `webhook-signature` = `v1,<base64 HMAC-SHA256 of id.timestamp.body>`
 * with the secret's bytes; during a rotation's overlap both secrets sign (space-separated signatures).
 */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export function signatureHeaders(secrets: string[], id: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(id, at, body)).join(" "),
  };
}
