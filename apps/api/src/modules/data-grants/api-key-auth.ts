import type { Database } from "@bgm/db";
import { AppError } from "../../lib/app-error.js";
import { findKeyByHash } from "./api-keys.repository.js";
import { API_KEY_PATTERN, hashApiKey, keyState } from "./api-keys.service.js";

export interface ApiKeyCaller {
  providerOrgId: string;
  apiKeyId: string;
  /** The partner admin who created the key; the key acts on their behalf in the audit log. */
  createdBy: string | null;
}

export type KeyRefusal = "key_revoked" | "key_expired";

export interface AuthenticateOptions {
  now?: Date;
  /**
   * Called for a revoked or expired key before the 401, so the caller can log the attempt with the
   * provider the key belongs to. A key that matches nothing names no provider and is not reported.
   */
  onRefused?: (key: { orgId: string; id: string; createdBy: string | null }, reason: KeyRefusal) => Promise<void>;
}

/**
 * Resolves `Authorization: Bearer <key>` for partner endpoints other than the data API (which logs
 * its denials in the data access log): a malformed, unknown, revoked or expired key is a 401.
 */
export async function authenticateApiKey(db: Database, header: string, opts: AuthenticateOptions = {}): Promise<ApiKeyCaller> {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? "";
  const bad = (reason: string) => new AppError("invalid_api_key", "The API key is not valid", { reason }, 401);
  if (!API_KEY_PATTERN.test(key)) throw bad("bad_key");
  const row = await findKeyByHash(db, hashApiKey(key));
  if (!row) throw bad("bad_key");
  const state = keyState(row, opts.now ?? new Date());
  if (state !== "active") {
    const reason = state === "revoked" ? "key_revoked" : "key_expired";
    await opts.onRefused?.({ orgId: row.orgId, id: row.id, createdBy: row.createdBy }, reason);
    throw bad(reason);
  }
  return { providerOrgId: row.orgId, apiKeyId: row.id, createdBy: row.createdBy };
}
