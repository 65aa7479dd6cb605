import type { dataAccessLog } from "@bgm/db";
import { type AccessLogEntry, type DataGrant, dataScope, type EngagementStatus, FINAL_STATUSES } from "@bgm/domain";
import type { z } from "zod";
import type { GrantRow, GrantView } from "./grants.repository.js";

type GrantState = z.infer<typeof DataGrant>["state"];

/**
 * A grant is live only while nobody ended it, it has not expired and its engagement has not ended.
 * Expiry is computed, never written: a grant expires by itself at `expiresAt`.
 */
export function grantState(g: GrantRow, engagementStatus: string, now: Date): GrantState {
  if (g.revokedAt) {
    if (g.endReason === "replaced") return "replaced";
    if (g.endReason === "engagement_ended") return "ended";
    return "revoked";
  }
  if (g.expiresAt.getTime() <= now.getTime()) return "expired";
  if (FINAL_STATUSES.includes(engagementStatus as EngagementStatus)) return "ended";
  return "active";
}

export function toGrant(v: GrantView, now: Date): z.infer<typeof DataGrant> {
  const g = v.grant;
  const def = dataScope(g.scopeKey);
  return {
    id: g.id,
    engagementId: g.engagementId,
    providerOrgId: g.providerOrgId,
    providerName: v.providerName,
    offeringTitle: v.offeringTitle,
    scopeKey: g.scopeKey,
    scopeVersion: g.scopeVersion,
    label: def ? { ...def.label } : { de: g.scopeKey, en: g.scopeKey },
    sensitivity: def?.sensitivity ?? null,
    fields: g.fields,
    purpose: { de: g.purposeDe, en: g.purposeEn },
    preview: { de: g.previewDe, en: g.previewEn },
    narrowing: g.narrowing ?? {},
    grantedByName: v.grantedByName,
    grantedAt: g.grantedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    revokedByName: v.revokedByName,
    revokedAt: g.revokedAt?.toISOString() ?? null,
    endReason: g.endReason,
    state: grantState(g, v.engagementStatus, now),
  };
}

export function toLogEntry(log: typeof dataAccessLog.$inferSelect, actorName: string | null): z.infer<typeof AccessLogEntry> {
  return {
    id: log.id,
    at: log.at.toISOString(),
    engagementId: log.engagementId,
    grantId: log.grantId,
    scopeKey: log.scopeKey,
    outcome: log.outcome,
    reason: log.reason,
    recordCount: log.recordCount,
    format: log.format,
    via: log.apiKeyId ? "api_key" : log.actorUserId ? "session" : "unknown",
    actorName: log.apiKeyId ? null : actorName,
  };
}
