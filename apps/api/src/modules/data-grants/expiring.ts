import { dataGrant, type Tx } from "@bgm/db";
import { and, count, eq, gt, isNull, lte, min } from "drizzle-orm";

/** Per engagement of the company: how many live grants end before `before`, and the first of them. */
export async function grantsExpiringBefore(
  tx: Tx,
  orgId: string,
  now: Date,
  before: Date,
): Promise<{ engagementId: string; count: number; firstExpiresAt: Date }[]> {
  const rows = await tx
    .select({ engagementId: dataGrant.engagementId, count: count(), firstExpiresAt: min(dataGrant.expiresAt) })
    .from(dataGrant)
    .where(and(eq(dataGrant.orgId, orgId), isNull(dataGrant.revokedAt), gt(dataGrant.expiresAt, now), lte(dataGrant.expiresAt, before)))
    .groupBy(dataGrant.engagementId);
  return rows.flatMap((r) =>
    r.firstExpiresAt ? [{ engagementId: r.engagementId, count: r.count, firstExpiresAt: new Date(r.firstExpiresAt) }] : [],
  );
}
