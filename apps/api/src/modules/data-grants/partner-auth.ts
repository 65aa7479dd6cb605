import type { Database } from "@bgm/db";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { resolveBearerKey } from "../partner-access/index.js";
import { logProviderDenial, type PartnerCaller, type PartnerRequest } from "./partner-data.service.js";

const PARTNER_ROLES: readonly string[] = ["partner_admin", "partner_member"];

/**
 * Who is asking for partner data: `Authorization: Bearer <key>` (machines, no cookie) or a
 * partner's session. A refused key that names a provider is logged as that provider's denied
 * attempt in the data access log, like every other answer of the data API.
 */
export async function authenticatePartner(db: Database, req: FastifyRequest, r: PartnerRequest, now = new Date()): Promise<PartnerCaller> {
  const base = { userId: null, ip: req.ip };
  if (req.headers.authorization !== undefined) {
    const key = await resolveBearerKey(db, req, {
      now,
      onRefused: (k, reason) => logProviderDenial(db, { ...base, providerOrgId: k.orgId, apiKeyId: k.id }, r, reason, r.engagementId),
    });
    return { ...base, providerOrgId: key.providerOrgId, apiKeyId: key.apiKeyId, keyLastUsedAt: key.lastUsedAt };
  }
  const caller = await req.caller();
  const active = caller.active;
  if (active?.kind !== "provider" || !PARTNER_ROLES.includes(active.role)) {
    throw AppError.forbidden("Only members of the engagement's provider can fetch its data");
  }
  return { providerOrgId: active.organizationId, userId: caller.user.id, apiKeyId: null, ip: req.ip };
}
