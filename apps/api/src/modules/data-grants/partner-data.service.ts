import { type Database, withTenantTx } from "@bgm/db";
import { type AccessDenialReason, dataScope, type EngagementStatus, FINAL_STATUSES, projectToFields, type RecordValue } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { findEngagementWithParties } from "../engagements/index.js";
import { touchKey } from "../partner-access/index.js";
import { appendAccessLog } from "./access-log.repository.js";
import { companyDataSource } from "./company-data-source.js";
import * as repo from "./partner-data.repository.js";

/** Who asks: a provider organization, through a member's session or one of its API keys. */
export interface PartnerCaller {
  providerOrgId: string;
  userId: string | null;
  apiKeyId: string | null;
  ip: string | null;
  /** The key's `lastUsedAt` as read when it was resolved (absent for a session). */
  keyLastUsedAt?: Date | null;
}

export interface PartnerRequest {
  engagementId: string;
  scopeKey: string;
  format: "json" | "csv" | "xlsx";
}

/** Why a request is refused: the codes the access log records (the domain lists them for the log's readers). */
export type DenialReason = AccessDenialReason;

export interface Served {
  scope: string;
  fields: string[];
  grantedAt: string;
  expiresAt: string;
  records: Record<string, RecordValue>[];
}

const logBase = (c: PartnerCaller, r: PartnerRequest) => ({
  providerOrgId: c.providerOrgId,
  scopeKey: r.scopeKey,
  actorUserId: c.userId,
  apiKeyId: c.apiKeyId,
  format: r.format,
  ip: c.ip,
});

export function denied(reason: DenialReason, status = 403): AppError {
  const message =
    reason === "foreign_engagement" ? "Engagement not found" : `No data is shared for this request (${reason.replace(/_/g, " ")})`;
  return new AppError(status === 404 ? "not_found" : "forbidden", message, { reason }, status);
}

/** Records a refused request of a known provider in the provider's own transaction (no company named). */
export async function logProviderDenial(
  db: Database,
  c: PartnerCaller,
  r: PartnerRequest,
  reason: DenialReason,
  engagementId: string | null,
) {
  await withTenantTx(db, c.providerOrgId, (tx) =>
    appendAccessLog(tx, { ...logBase(c, r), orgId: null, engagementId, outcome: "denied", reason }),
  );
}

/**
 * Serves one scope of one engagement, or refuses and logs why. Step one runs as the provider and
 * only finds the company; step two is ONE transaction as the company: share-lock the live grant,
 * resolve, project to the declared fields, log, commit. A revoke that commits first is seen; a
 * revoke that starts later waits for this commit — so after a revoke commits, nothing is served.
 */
export async function servePartnerData(db: Database, c: PartnerCaller, r: PartnerRequest, now = new Date()): Promise<Served> {
  const found = await withTenantTx(db, c.providerOrgId, async (tx) => {
    if (c.apiKeyId) await touchKey(tx, c.providerOrgId, c.apiKeyId);
    // The provider's own engagement, to learn whose data is asked for.
    const e = await findEngagementWithParties(tx, { orgId: c.providerOrgId, side: "provider" }, r.engagementId);
    if (!e)
      await appendAccessLog(tx, {
        ...logBase(c, r),
        orgId: null,
        engagementId: r.engagementId,
        outcome: "denied",
        reason: "foreign_engagement",
      });
    return e;
  });
  if (!found) throw denied("foreign_engagement", 404);
  const companyOrgId = found.orgId;

  const outcome = await withTenantTx(db, companyOrgId, async (tx): Promise<Served | { reason: DenialReason }> => {
    const log = { ...logBase(c, r), orgId: companyOrgId, engagementId: r.engagementId };
    const deny = async (reason: DenialReason, grantId: string | null = null) => {
      await appendAccessLog(tx, { ...log, grantId, outcome: "denied", reason });
      return { reason };
    };
    const def = dataScope(r.scopeKey);
    if (!def) return deny("unknown_scope");
    // The engagement with this provider, and the scopes its offering requested.
    const e = await findEngagementWithParties(tx, { orgId: companyOrgId, side: "company" }, r.engagementId);
    if (e?.providerOrgId !== c.providerOrgId) return deny("foreign_engagement");
    if (!e.requiredDataScopes.includes(def.key)) return deny("scope_not_requested");
    const grant = await repo.lockLiveGrant(tx, companyOrgId, c.providerOrgId, r.engagementId, def.key);
    if (FINAL_STATUSES.includes(e.status as EngagementStatus)) return deny("engagement_ended", grant?.id ?? null);
    if (!grant) {
      const last = await repo.latestGrant(tx, companyOrgId, c.providerOrgId, r.engagementId, def.key);
      if (!last) return deny("no_grant");
      return deny(last.endReason === "engagement_ended" ? "engagement_ended" : "revoked", last.id);
    }
    if (grant.expiresAt.getTime() <= now.getTime()) return deny("expired", grant.id);
    // Consent was given for one version of the scope's fields and purpose; a changed scope needs a new grant.
    if (grant.scopeVersion !== def.version) return deny("scope_changed", grant.id);

    const resolved = await def.resolve(companyDataSource(tx, companyOrgId, c.providerOrgId), grant.narrowing ?? {});
    // The fields consented to, and only those the scope declares: the last gate before data leaves.
    const fields = grant.fields.filter((f) => def.fields.includes(f));
    const records = projectToFields(resolved.records, fields) as Served["records"];
    await appendAccessLog(tx, {
      ...log,
      grantId: grant.id,
      outcome: "served",
      recordCount: records.length,
      subjectEmployeeIds: resolved.subjectEmployeeIds,
    });
    return { scope: def.key, fields, grantedAt: grant.grantedAt.toISOString(), expiresAt: grant.expiresAt.toISOString(), records };
  });
  if ("reason" in outcome) throw denied(outcome.reason);
  return outcome;
}
