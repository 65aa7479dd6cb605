import type { Database } from "@bgm/db";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { API_KEY_PATTERN, hashApiKey, keyState } from "./api-key.js";
import { findKeyByHash, findKeyByPrefix } from "./api-keys.repository.js";

/** A provider's key that works: it acts for its provider, on behalf of the partner admin who created it. */
export interface KeyCaller {
  providerOrgId: string;
  apiKeyId: string;
  createdBy: string | null;
  /** When the key was last marked as used (to the minute): lets a caller skip touchKey's write. */
  lastUsedAt: Date | null;
}

export type KeyRefusal = "bad_key" | "key_revoked" | "key_expired";

/** The key a refusal is charged to: the key itself, or for an altered key the one its prefix names. */
export interface RefusedKey {
  orgId: string;
  id: string;
  createdBy: string | null;
}

export interface ResolveOptions {
  now?: Date;
  /**
   * Called before the 401 when the refused key names a provider, so the endpoint records the attempt
   * where it records that provider's key use (the data API in the access log, the rest in the audit log).
   */
  onRefused?: (key: RefusedKey, reason: KeyRefusal) => Promise<void>;
}

/** The hash of the request's well-formed `Bearer` key (what keys are stored and looked up by), else null. */
export function bearerKeyHash(req: FastifyRequest): string | null {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
  return API_KEY_PATTERN.test(key) ? hashApiKey(key) : null;
}

/**
 * `Authorization: Bearer <key>` resolved to its caller: the one key check of every endpoint a key may
 * call. A malformed, unknown, revoked or expired key is a 401 `invalid_api_key` with `details.reason`.
 * It runs on the connection's own role, before any tenant is known: the key is what names the tenant.
 * A well-formed key whose hash matches nothing is charged to the key with its prefix (somebody altered
 * that provider's key); a refusal that names no provider at all can only go to the server log.
 */
export async function resolveBearerKey(db: Database, req: FastifyRequest, opts: ResolveOptions = {}): Promise<KeyCaller> {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
  const refuse = async (reason: KeyRefusal, charged: RefusedKey | null) => {
    if (charged) await opts.onRefused?.({ orgId: charged.orgId, id: charged.id, createdBy: charged.createdBy }, reason);
    else req.log.warn({ reason }, "API key refused; it names no provider");
    return new AppError("invalid_api_key", "The API key is not valid", { reason }, 401);
  };
  const parsed = API_KEY_PATTERN.exec(key);
  if (!parsed) throw await refuse("bad_key", null);
  const row = await findKeyByHash(db, hashApiKey(key));
  if (!row) throw await refuse("bad_key", await findKeyByPrefix(db, parsed[1] as string));
  const state = keyState(row, opts.now ?? new Date());
  if (state !== "active") throw await refuse(state === "revoked" ? "key_revoked" : "key_expired", row);
  return { providerOrgId: row.orgId, apiKeyId: row.id, createdBy: row.createdBy, lastUsedAt: row.lastUsedAt };
}
