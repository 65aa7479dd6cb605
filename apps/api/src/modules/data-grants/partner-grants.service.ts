import { dataScope, type PartnerGrant } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findEngagementWithParties } from "../engagements/index.js";
import { grantState } from "./grants.mappers.js";
import { listGrantsForProvider } from "./grants.repository.js";

/** What the partner has been granted on one of its engagements: so Marcus knows what he may fetch, and until when. */
export async function partnerGrants(
  scope: TenantScope,
  engagementId: string,
  now = new Date(),
): Promise<{ items: z.infer<typeof PartnerGrant>[]; nextCursor: null }> {
  if (scope.orgKind !== "provider") throw AppError.forbidden("Only the engagement's provider sees its grants here");
  const e = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: "provider" }, engagementId);
  if (!e) throw AppError.notFound("Engagement");
  const rows = await listGrantsForProvider(scope.tx, scope.orgId, engagementId);
  return {
    items: rows.map((g) => {
      const def = dataScope(g.scopeKey);
      const narrowing = g.narrowing ?? {};
      return {
        id: g.id,
        scopeKey: g.scopeKey,
        label: def ? { ...def.label } : { de: g.scopeKey, en: g.scopeKey },
        fields: g.fields,
        purpose: { de: g.purposeDe, en: g.purposeEn },
        narrowed: Boolean(narrowing.departments || narrowing.employeeIds),
        grantedAt: g.grantedAt.toISOString(),
        expiresAt: g.expiresAt.toISOString(),
        revokedAt: g.revokedAt?.toISOString() ?? null,
        state: grantState(g, e.status, now),
        dataPath: `/api/partner/engagements/${engagementId}/data/${g.scopeKey}`,
      };
    }),
    nextCursor: null,
  };
}
