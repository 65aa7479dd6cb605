import { createHash, randomBytes } from "node:crypto";

/**
 * What an API key is, apart from where it is stored: its format, the hash that is all the database
 * keeps, and its state. Shared by issuing (api-keys.service.ts) and resolving (bearer-key.ts) a key.
 */

/** `bgm_<8 hex prefix>_<43 base64url chars = 32 random bytes>`; only its SHA-256 is stored. */
export const API_KEY_PATTERN = /^bgm_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** A new key: the prefix shows in lists and logs, the whole key only once, in the answer that creates it. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(4).toString("hex");
  return { key: `bgm_${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

export function keyState(k: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): "active" | "expired" | "revoked" {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** `lastUsedAt` is kept exact to the minute (see touchKey): a key used within the last minute needs no write. */
export const KEY_TOUCH_INTERVAL_MS = 60_000;

/** Whether a request by this key should mark it as used; the same rule as touchKey's own condition. */
export const keyTouchDue = (lastUsedAt: Date | null, now: Date) =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= KEY_TOUCH_INTERVAL_MS;
