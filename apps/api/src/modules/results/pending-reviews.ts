import { partnerResult, type Tx } from "@bgm/db";
import { and, eq, min } from "drizzle-orm";

/**
 * Per engagement of the company, when its oldest delivered result still waiting for review was
 * submitted: the automatic acceptance counts from then (the todos module shows the date it falls due).
 */
export async function oldestPendingResults(tx: Tx, orgId: string): Promise<Map<string, Date>> {
  const rows = await tx
    .select({ engagementId: partnerResult.engagementId, submittedAt: min(partnerResult.submittedAt) })
    .from(partnerResult)
    .where(and(eq(partnerResult.orgId, orgId), eq(partnerResult.status, "submitted")))
    .groupBy(partnerResult.engagementId);
  return new Map(rows.flatMap((r) => (r.submittedAt ? [[r.engagementId, new Date(r.submittedAt)] as const] : [])));
}
