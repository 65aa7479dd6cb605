import { dataGrant, type Tx } from "@bgm/db";
import { and, desc, eq, isNull } from "drizzle-orm";

const grantOf = (orgId: string, providerOrgId: string, engagementId: string, scopeKey: string) =>
  and(
    eq(dataGrant.orgId, orgId),
    eq(dataGrant.providerOrgId, providerOrgId),
    eq(dataGrant.engagementId, engagementId),
    eq(dataGrant.scopeKey, scopeKey),
  );

/**
 * The live grant, share-locked until the serving transaction commits: a concurrent revoke's UPDATE
 * waits for it, and a request that reads after the revoke committed no longer finds the row
 * (PostgreSQL re-checks `revoked_at IS NULL` on the newest row version after waiting).
 */
export async function lockLiveGrant(tx: Tx, orgId: string, providerOrgId: string, engagementId: string, scopeKey: string) {
  const [row] = await tx
    .select()
    .from(dataGrant)
    .where(and(grantOf(orgId, providerOrgId, engagementId, scopeKey), isNull(dataGrant.revokedAt)))
    .orderBy(desc(dataGrant.grantedAt), desc(dataGrant.id))
    .limit(1)
    .for("share");
  return row ?? null;
}

/** The newest grant of the scope, live or not: it tells why a request is refused. */
export async function latestGrant(tx: Tx, orgId: string, providerOrgId: string, engagementId: string, scopeKey: string) {
  const [row] = await tx
    .select()
    .from(dataGrant)
    .where(grantOf(orgId, providerOrgId, engagementId, scopeKey))
    .orderBy(desc(dataGrant.grantedAt), desc(dataGrant.id))
    .limit(1);
  return row ?? null;
}
