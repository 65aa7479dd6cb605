import { type Database, withTenantTx } from "@bgm/db";
import type { PartnerParticipation } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { type PartnerCaller, type PartnerRequest, recordPartnerAccess } from "../data-grants/index.js";
import { findEngagementOfProvider } from "../engagements/index.js";
import { touchKey } from "../partner-access/index.js";
import { partnerParticipation } from "./aggregates.service.js";

/**
 * The key partner reads of participation aggregates are logged under, in the company's access log beside
 * the data scopes. Aggregates are no data scope: no grant is needed, and none widens them.
 */
export const PARTICIPATION_AGGREGATES_KEY = "participation_aggregates";

export const partnerRequest = (engagementId: string): PartnerRequest => ({
  engagementId,
  scopeKey: PARTICIPATION_AGGREGATES_KEY,
  format: "json",
});

const logBase = (c: PartnerCaller) => ({
  providerOrgId: c.providerOrgId,
  scopeKey: PARTICIPATION_AGGREGATES_KEY,
  actorUserId: c.userId,
  apiKeyId: c.apiKeyId,
  format: "json",
  ip: c.ip,
});

/**
 * Serves the participation aggregates of one engagement to its provider, as the data API serves a scope:
 * step one as the provider only finds the company (a foreign or unknown engagement is logged in the
 * provider's transaction and answered 404); step two is one transaction as the company that computes the
 * aggregates and logs the read in the company's access log.
 */
export async function servePartnerParticipation(db: Database, c: PartnerCaller, engagementId: string): Promise<PartnerParticipation> {
  const found = await withTenantTx(db, c.providerOrgId, async (tx) => {
    if (c.apiKeyId) await touchKey(tx, c.providerOrgId, c.apiKeyId);
    const e = await findEngagementOfProvider(tx, c.providerOrgId, engagementId);
    if (!e) await recordPartnerAccess(tx, { ...logBase(c), orgId: null, engagementId, outcome: "denied", reason: "foreign_engagement" });
    return e;
  });
  if (!found) throw new AppError("not_found", "Engagement not found", { reason: "foreign_engagement" }, 404);
  return withTenantTx(db, found.orgId, async (tx) => {
    const result = await partnerParticipation(tx, found.orgId, engagementId);
    const figures = result.interventions.reduce((n, i) => n + 1 + i.sessions.length, 0);
    await recordPartnerAccess(tx, { ...logBase(c), orgId: found.orgId, engagementId, outcome: "served", recordCount: figures });
    return result;
  });
}
