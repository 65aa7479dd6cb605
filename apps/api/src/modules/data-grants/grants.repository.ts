import { auditLog, dataGrant, engagement, offering, organization, type Tx, user } from "@bgm/db";
import { and, desc, eq, isNull, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

/** Every query of the company side names the company (org_id) explicitly; RLS is the second wall. */

export type GrantRow = typeof dataGrant.$inferSelect;
export type GrantInsert = typeof dataGrant.$inferInsert;

const provider = alias(organization, "provider_org");
const company = alias(organization, "company_org");
const granter = alias(user, "granter");
const revoker = alias(user, "revoker");

export interface CompanyEngagement {
  id: string;
  orgId: string;
  providerOrgId: string;
  status: string;
  companyName: string;
  providerName: string;
  offeringTitle: string | null;
  requiredDataScopes: string[];
}

/**
 * The company's engagement with the offering's requested scopes. `lock` takes a share lock on the
 * engagement row so a concurrent transition that ends it waits for (and then ends) the new grants.
 */
export async function findCompanyEngagement(tx: Tx, orgId: string, id: string, lock = false): Promise<CompanyEngagement | null> {
  const q = tx
    .select({
      id: engagement.id,
      orgId: engagement.orgId,
      providerOrgId: engagement.providerOrgId,
      status: engagement.status,
      companyName: company.name,
      providerName: provider.name,
      offeringTitle: offering.title,
      requiredDataScopes: offering.requiredDataScopes,
    })
    .from(engagement)
    .innerJoin(company, eq(company.id, engagement.orgId))
    .innerJoin(provider, eq(provider.id, engagement.providerOrgId))
    .leftJoin(offering, eq(offering.id, engagement.offeringId))
    .where(and(eq(engagement.id, id), eq(engagement.orgId, orgId)));
  const [row] = lock ? await q.for("share", { of: engagement }) : await q;
  return row ? { ...row, requiredDataScopes: row.requiredDataScopes ?? [] } : null;
}

export interface GrantView {
  grant: GrantRow;
  providerName: string;
  offeringTitle: string | null;
  engagementStatus: string;
  grantedByName: string | null;
  revokedByName: string | null;
}

export async function listGrants(tx: Tx, orgId: string, filter: { engagementId?: string } = {}): Promise<GrantView[]> {
  const conditions = [eq(dataGrant.orgId, orgId)];
  if (filter.engagementId) conditions.push(eq(dataGrant.engagementId, filter.engagementId));
  return tx
    .select({
      grant: dataGrant,
      providerName: provider.name,
      offeringTitle: offering.title,
      engagementStatus: engagement.status,
      grantedByName: granter.name,
      revokedByName: revoker.name,
    })
    .from(dataGrant)
    .innerJoin(engagement, eq(engagement.id, dataGrant.engagementId))
    .innerJoin(provider, eq(provider.id, dataGrant.providerOrgId))
    .leftJoin(offering, eq(offering.id, engagement.offeringId))
    .leftJoin(granter, eq(granter.id, dataGrant.grantedBy))
    .leftJoin(revoker, eq(revoker.id, dataGrant.revokedBy))
    .where(and(...conditions))
    .orderBy(desc(dataGrant.grantedAt), desc(dataGrant.id))
    .limit(5000);
}

export async function insertGrant(tx: Tx, values: GrantInsert): Promise<GrantRow> {
  const [row] = await tx.insert(dataGrant).values(values).returning();
  if (!row) throw new Error("data_grant insert returned nothing");
  return row;
}

/** Ends live grants (not yet revoked) matching `where`; returns the rows it ended. */
async function endWhere(tx: Tx, where: ReturnType<typeof and>, by: string | null, reason: string): Promise<GrantRow[]> {
  return tx
    .update(dataGrant)
    .set({ revokedAt: sql`now()`, revokedBy: by, endReason: reason })
    .where(and(where, isNull(dataGrant.revokedAt)))
    .returning();
}

export const endGrant = (tx: Tx, orgId: string, id: string, by: string, reason: string) =>
  endWhere(tx, and(eq(dataGrant.orgId, orgId), eq(dataGrant.id, id)), by, reason);

export const endScopeGrants = (tx: Tx, orgId: string, engagementId: string, scopeKey: string, by: string, reason: string) =>
  endWhere(tx, and(eq(dataGrant.orgId, orgId), eq(dataGrant.engagementId, engagementId), eq(dataGrant.scopeKey, scopeKey)), by, reason);

export const endEngagementGrants = (tx: Tx, orgId: string, engagementId: string, by: string, reason: string) =>
  endWhere(tx, and(eq(dataGrant.orgId, orgId), eq(dataGrant.engagementId, engagementId)), by, reason);

export async function findGrant(tx: Tx, orgId: string, id: string): Promise<GrantRow | null> {
  const [row] = await tx
    .select()
    .from(dataGrant)
    .where(and(eq(dataGrant.orgId, orgId), eq(dataGrant.id, id)));
  return row ?? null;
}

export async function organizationName(tx: Tx, orgId: string): Promise<string> {
  const [row] = await tx.select({ name: organization.name }).from(organization).where(eq(organization.id, orgId));
  return row?.name ?? "";
}

/** The grants of one engagement as its provider sees them (newest first). */
export async function listGrantsForProvider(tx: Tx, providerOrgId: string, engagementId: string) {
  return tx
    .select({ grant: dataGrant, engagementStatus: engagement.status })
    .from(dataGrant)
    .innerJoin(engagement, eq(engagement.id, dataGrant.engagementId))
    .where(
      and(
        eq(dataGrant.providerOrgId, providerOrgId),
        eq(dataGrant.engagementId, engagementId),
        eq(engagement.providerOrgId, providerOrgId),
      ),
    )
    .orderBy(desc(dataGrant.grantedAt), desc(dataGrant.id));
}

/**
 * When each scope of an engagement was last declined. A decline writes no grant row (there is no
 * consent to record); the audit entry of the decision is its record.
 */
export async function lastDeclines(tx: Tx, orgId: string, engagementId: string): Promise<Map<string, Date>> {
  const scopeKey = sql<string>`${auditLog.details}->>'scopeKey'`;
  const rows = await tx
    .select({ scopeKey, at: max(auditLog.at) })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        eq(auditLog.action, "data_grant.declined"),
        eq(auditLog.entityType, "engagement"),
        eq(auditLog.entityId, engagementId),
      ),
    )
    .groupBy(scopeKey);
  return new Map(rows.flatMap((r) => (r.at ? [[r.scopeKey, r.at] as const] : [])));
}
