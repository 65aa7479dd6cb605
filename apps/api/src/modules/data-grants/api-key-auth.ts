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

/**
 * Resolves `Authorization: Bearer <key>` for partner endpoints other than the data API (which logs
 * its denials in the data access log): a malformed, unknown, revoked or expired key is a 401.
 */
export async function authenticateApiKey(db: Database, header: string, now = new Date()): Promise<ApiKeyCaller> {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? "";
  const bad = (reason: string) => new AppError("invalid_api_key", "The API key is not valid", { reason }, 401);
  if (!API_KEY_PATTERN.test(key)) throw bad("bad_key");
  const row = await findKeyByHash(db, hashApiKey(key));
  if (!row) throw bad("bad_key");
  const state = keyState(row, now);
  if (state !== "active") throw bad(state === "revoked" ? "key_revoked" : "key_expired");
  return { providerOrgId: row.orgId, apiKeyId: row.id, createdBy: row.createdBy };
}
