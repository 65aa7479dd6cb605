import type { Database } from "@bgm/db";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { findKeyByHash, findKeyByPrefix } from "./api-keys.repository.js";
import { API_KEY_PATTERN, hashApiKey, keyState } from "./api-keys.service.js";
import { type DenialReason, logProviderDenial, type PartnerCaller, type PartnerRequest } from "./partner-data.service.js";

const PARTNER_ROLES: readonly string[] = ["partner_admin", "partner_member"];

const badKey = (reason: DenialReason) => new AppError("invalid_api_key", "The API key is not valid", { reason }, 401);

/**
 * Who is asking for partner data: `Authorization: Bearer <key>` (machines, no cookie) or a
 * partner's session. A refused key of a known provider is logged as a denied attempt; a key that
 * names no provider at all can only go to the server log (the access log belongs to a provider).
 */
export async function authenticatePartner(db: Database, req: FastifyRequest, r: PartnerRequest, now = new Date()): Promise<PartnerCaller> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? "";
    const parsed = API_KEY_PATTERN.exec(key);
    if (!parsed) {
      req.log.warn({ reason: "bad_key" }, "partner data: malformed API key");
      throw badKey("bad_key");
    }
    const row = await findKeyByHash(db, hashApiKey(key));
    const base = { userId: null, ip: req.ip };
    if (!row) {
      const owner = await findKeyByPrefix(db, parsed[1] as string);
      if (owner) await logProviderDenial(db, { ...base, providerOrgId: owner.orgId, apiKeyId: owner.id }, r, "bad_key", r.engagementId);
      else req.log.warn({ reason: "bad_key" }, "partner data: unknown API key");
      throw badKey("bad_key");
    }
    const state = keyState(row, now);
    if (state !== "active") {
      const reason = state === "revoked" ? "key_revoked" : "key_expired";
      await logProviderDenial(db, { ...base, providerOrgId: row.orgId, apiKeyId: row.id }, r, reason, r.engagementId);
      throw badKey(reason);
    }
    return { ...base, providerOrgId: row.orgId, apiKeyId: row.id };
  }
  const caller = await req.caller();
  const active = caller.active;
  if (active?.kind !== "provider" || !PARTNER_ROLES.includes(active.role)) {
    throw AppError.forbidden("Only members of the engagement's provider can fetch its data");
  }
  return { providerOrgId: active.organizationId, userId: caller.user.id, apiKeyId: null, ip: req.ip };
}
