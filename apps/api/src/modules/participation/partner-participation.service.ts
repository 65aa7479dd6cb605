import { type Database, withTenantTx } from "@bgm/db";
import { PARTICIPATION_AGGREGATES_ACCESS, type PartnerParticipation } from "@bgm/domain";
import { LRUCache } from "lru-cache";
import { AppError } from "../../lib/app-error.js";
import { type AccessLogWriter, type PartnerCaller, type PartnerRequest, recordPartnerAccess } from "../data-grants/index.js";
import { findEngagementOfProvider } from "../engagements/index.js";
import { checkedKey, keyCheckStatement, keyTouchDue, touchKey } from "../partner-access/index.js";
import { partnerParticipation, servedRecordCount } from "./aggregates.service.js";

/**
 * The key partner reads of participation aggregates are logged under, in the company's access log beside
 * the data scopes. Aggregates are no data scope: no grant is needed, and none widens them.
 */
export const PARTICIPATION_AGGREGATES_KEY = PARTICIPATION_AGGREGATES_ACCESS.key;

export const partnerRequest = (engagementId: string): PartnerRequest => ({
  engagementId,
  scopeKey: PARTICIPATION_AGGREGATES_KEY,
  format: "json",
});

/** The columns of a partner read's access-log entry that say who asked and how (both outcomes). */
const logBase = (c: Pick<PartnerCaller, "providerOrgId" | "userId" | "apiKeyId" | "ip">) => ({
  providerOrgId: c.providerOrgId,
  scopeKey: PARTICIPATION_AGGREGATES_KEY,
  actorUserId: c.userId,
  apiKeyId: c.apiKeyId,
  format: "json",
  ip: c.ip,
});

/**
 * A partner read's "served" entry in the company's access log (both read paths), written before the answer
 * leaves: the read waits for the entry's commit, and an entry that cannot be written fails the read (ADR 0013).
 * Written after the disclosure rule, so only an answer that is sent is logged as served.
 */
async function logServed(
  accessLog: AccessLogWriter,
  c: Pick<PartnerCaller, "providerOrgId" | "userId" | "apiKeyId" | "ip">,
  companyId: string,
  answer: PartnerParticipation,
): Promise<PartnerParticipation> {
  await accessLog.append({
    ...logBase(c),
    orgId: companyId,
    engagementId: answer.engagementId,
    outcome: "served",
    recordCount: servedRecordCount(answer),
  });
  return answer;
}

/**
 * Which company an engagement of a provider is with, remembered for a while: an engagement's company and
 * provider never change (and engagements are not deleted), so the provider's lookup transaction is needed
 * only once per engagement and minute, not on every read. Only found engagements are kept; a foreign or
 * unknown one is looked up (and logged) every time. One per app instance.
 */
export type EngagementCompanies = LRUCache<string, string>;

export const ENGAGEMENT_COMPANY_CACHE = { ttlMs: 60_000, maxEntries: 10_000 };

export const createEngagementCompanies = (): EngagementCompanies =>
  new LRUCache<string, string>({ max: ENGAGEMENT_COMPANY_CACHE.maxEntries, ttl: ENGAGEMENT_COMPANY_CACHE.ttlMs });

const cacheKey = (providerOrgId: string, engagementId: string) => `${providerOrgId}/${engagementId}`;

/**
 * Serves the participation aggregates of one engagement to its provider, as the data API serves a scope:
 * step one as the provider only finds the company (a foreign or unknown engagement is logged in the
 * provider's transaction and answered 404); step two is one read-only transaction as the company that computes
 * the aggregates (one statement); then the read is logged in the company's access log (logServed).
 *
 * Step one is skipped when the company is known from an earlier read and the key was marked as used within
 * the last minute (touchKey would write nothing): the usual read is then the key lookup and one transaction.
 */
export async function servePartnerParticipation(
  db: Database,
  accessLog: AccessLogWriter,
  companies: EngagementCompanies,
  c: PartnerCaller,
  engagementId: string,
  now = new Date(),
): Promise<PartnerParticipation> {
  const key = cacheKey(c.providerOrgId, engagementId);
  let orgId = companies.get(key);
  const touch = c.apiKeyId !== null && keyTouchDue(c.keyLastUsedAt ?? null, now);
  if (orgId === undefined || touch) {
    const known = orgId;
    const found = await withTenantTx(db, c.providerOrgId, async (tx) => {
      if (touch && c.apiKeyId) await touchKey(tx, c.providerOrgId, c.apiKeyId);
      if (known !== undefined) return { orgId: known };
      const e = await findEngagementOfProvider(tx, c.providerOrgId, engagementId);
      if (!e) await recordPartnerAccess(tx, { ...logBase(c), orgId: null, engagementId, outcome: "denied", reason: "foreign_engagement" });
      return e;
    });
    if (!found) throw new AppError("not_found", "Engagement not found", { reason: "foreign_engagement" }, 404);
    orgId = found.orgId;
    companies.set(key, orgId);
  }
  const companyId = orgId;
  // One round trip for the read: the tenant settings and the statement are the whole transaction (withTenantTx
  // `single`).
  const answer = await withTenantTx(db, companyId, (tx) => partnerParticipation(tx, companyId, engagementId), {
    opening: true,
    single: true,
  });
  return logServed(accessLog, c, companyId, answer);
}

/** A key this server has seen serve a partner read: its id and provider, which never change for its hash. */
export interface KnownKey {
  id: string;
  providerOrgId: string;
}

/** Keys by hash (never the key itself), one per app instance, as the engagements' companies. */
export type KnownKeys = LRUCache<string, KnownKey>;

export const createKnownKeys = (): KnownKeys =>
  new LRUCache<string, KnownKey>({ max: ENGAGEMENT_COMPANY_CACHE.maxEntries, ttl: ENGAGEMENT_COMPANY_CACHE.ttlMs });

/**
 * The usual partner read by key, in one round trip: when the key (by its hash) and the engagement's company are
 * known from an earlier read, the key check runs in the company's read transaction, in the same message, as its
 * preamble (partner-access keyCheckStatement: the key's state now, `lastUsedAt` once a minute), and the read's
 * statement reads only if the check found the key active for its provider; the read is logged then (logServed).
 * Revocation and expiry take effect on the next request, as on the full path. Anything else — an unknown or unseen
 * key or engagement, a refused key — answers `undefined`: the caller then takes the full path, which refuses and
 * logs as always (nothing was served or logged here).
 */
export async function serveByKnownKey(
  db: Database,
  accessLog: AccessLogWriter,
  companies: EngagementCompanies,
  keys: KnownKeys,
  request: { keyHash: string; ip: string | null },
  engagementId: string,
): Promise<PartnerParticipation | undefined> {
  const key = keys.get(request.keyHash);
  const companyId = key && companies.get(cacheKey(key.providerOrgId, engagementId));
  if (!key || companyId === undefined) return undefined;
  let checked: ReturnType<typeof checkedKey> | undefined;
  const answer = await withTenantTx(
    db,
    companyId,
    (tx) => partnerParticipation(tx, companyId, engagementId, { keyChecked: { providerOrgId: key.providerOrgId } }),
    {
      opening: true,
      single: true,
      preamble: {
        ...keyCheckStatement(request.keyHash),
        onRow: (fields) => {
          checked = checkedKey(fields);
        },
      },
    },
  );
  if (checked?.state !== "active" || checked.orgId !== key.providerOrgId || checked.id !== key.id) return undefined;
  const served = { providerOrgId: key.providerOrgId, userId: null, apiKeyId: key.id, ip: request.ip };
  return logServed(accessLog, served, companyId, answer);
}
