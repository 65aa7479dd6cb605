import { dataGrant, organization, type Tx, user } from "@bgm/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { readEngagementsWithParties } from "../engagements/index.js";

/** Every query of the company side names the company (org_id) explicitly; RLS is the second wall. */

export type GrantRow = typeof dataGrant.$inferSelect;
export type GrantInsert = typeof dataGrant.$inferInsert;

const provider = alias(organization, "provider_org");
const granter = alias(user, "granter");
const revoker = alias(user, "revoker");

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
  const rows = await tx
    .select({ grant: dataGrant, providerName: provider.name, grantedByName: granter.name, revokedByName: revoker.name })
    .from(dataGrant)
    .innerJoin(provider, eq(provider.id, dataGrant.providerOrgId))
    .leftJoin(granter, eq(granter.id, dataGrant.grantedBy))
    .leftJoin(revoker, eq(revoker.id, dataGrant.revokedBy))
    .where(and(...conditions))
    .orderBy(desc(dataGrant.grantedAt), desc(dataGrant.id))
    .limit(5000);
  // The engagements' state and offering title come from the engagements module, as the company sees them.
  const engagements = await readEngagementsWithParties(
    tx,
    { orgId, side: "company" },
    rows.map((r) => r.grant.engagementId),
  );
  const byId = new Map(engagements.map((e) => [e.id, e]));
  return rows.flatMap((r) => {
    const e = byId.get(r.grant.engagementId);
    // A grant always belongs to one of the company's engagements (foreign key); none found, none shown.
    return e ? [{ ...r, offeringTitle: e.offeringTitle, engagementStatus: e.status }] : [];
  });
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

/** The grants of one engagement as its provider sees them (newest first); the caller checked the engagement is the provider's. */
export async function listGrantsForProvider(tx: Tx, providerOrgId: string, engagementId: string): Promise<GrantRow[]> {
  return tx
    .select()
    .from(dataGrant)
    .where(and(eq(dataGrant.providerOrgId, providerOrgId), eq(dataGrant.engagementId, engagementId)))
    .orderBy(desc(dataGrant.grantedAt), desc(dataGrant.id));
}
