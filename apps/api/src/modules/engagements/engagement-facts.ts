import { engagement, organization } from "@bgm/db";
import type { EngagementStatus } from "@bgm/domain";
import { and, eq } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

/** An engagement as the company that ordered it sees it, for modules that build on it (participation). */
export interface CompanyEngagementFacts {
  id: string;
  status: EngagementStatus;
  providerOrgId: string;
  providerName: string;
  offeringId: string;
}

/** The company's own engagement (the scope's organization is the ordering company), or null. */
export async function findCompanyEngagement(scope: Pick<TenantScope, "tx" | "orgId">, id: string): Promise<CompanyEngagementFacts | null> {
  const [row] = await scope.tx
    .select({
      id: engagement.id,
      status: engagement.status,
      providerOrgId: engagement.providerOrgId,
      providerName: organization.name,
      offeringId: engagement.offeringId,
    })
    .from(engagement)
    .innerJoin(organization, eq(organization.id, engagement.providerOrgId))
    .where(and(eq(engagement.id, id), eq(engagement.orgId, scope.orgId)));
  return row ? { ...row, status: row.status as EngagementStatus } : null;
}
