import { companySso, companySsoDomain, type Database, organization, type Tx } from "@bgm/db";
import { and, eq, inArray, ne } from "drizzle-orm";

export type SsoRow = typeof companySso.$inferSelect;

// Inside a tenant transaction every query still names the organization: two walls (ADR 0001).

export async function findConfig(tx: Tx, orgId: string): Promise<{ row: SsoRow; domains: string[] } | undefined> {
  const [row] = await tx.select().from(companySso).where(eq(companySso.orgId, orgId));
  if (!row) return undefined;
  const domains = await tx
    .select({ domain: companySsoDomain.domain })
    .from(companySsoDomain)
    .where(eq(companySsoDomain.orgId, orgId))
    .orderBy(companySsoDomain.domain);
  return { row, domains: domains.map((d) => d.domain) };
}

export async function upsertConfig(tx: Tx, values: typeof companySso.$inferInsert): Promise<SsoRow> {
  const { orgId: _orgId, ...update } = values;
  const [row] = await tx
    .insert(companySso)
    .values(values)
    .onConflictDoUpdate({ target: companySso.orgId, set: { ...update, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error("sso upsert returned nothing");
  return row;
}

export async function replaceDomains(tx: Tx, orgId: string, domains: string[]): Promise<void> {
  await tx.delete(companySsoDomain).where(eq(companySsoDomain.orgId, orgId));
  if (domains.length) await tx.insert(companySsoDomain).values(domains.map((domain) => ({ domain, orgId })));
}

export async function deleteConfig(tx: Tx, orgId: string): Promise<boolean> {
  await tx.delete(companySsoDomain).where(eq(companySsoDomain.orgId, orgId));
  const deleted = await tx.delete(companySso).where(eq(companySso.orgId, orgId)).returning({ orgId: companySso.orgId });
  return deleted.length > 0;
}

/**
 * The domains of this list that another company has claimed. Read on the owner's connection: RLS would hide
 * the other company's rows, and the primary key would refuse them anyway; this names the domains in the 409.
 */
export async function domainsClaimedElsewhere(db: Database, orgId: string, domains: string[]): Promise<string[]> {
  if (!domains.length) return [];
  const rows = await db
    .select({ domain: companySsoDomain.domain })
    .from(companySsoDomain)
    .where(and(inArray(companySsoDomain.domain, domains), ne(companySsoDomain.orgId, orgId)));
  return rows.map((r) => r.domain);
}

/**
 * The sign-in side knows no company yet: the provider of an e-mail domain, with its company. Read on the
 * owner's connection before anyone is signed in; it answers only for companies.
 */
export async function findByDomainOutsideTenant(
  db: Database,
  domain: string,
): Promise<(SsoRow & { organizationName: string }) | undefined> {
  const [row] = await db
    .select({ sso: companySso, organizationName: organization.name })
    .from(companySsoDomain)
    .innerJoin(companySso, eq(companySso.orgId, companySsoDomain.orgId))
    .innerJoin(organization, eq(organization.id, companySsoDomain.orgId))
    .where(and(eq(companySsoDomain.domain, domain), eq(organization.kind, "company")));
  return row ? { ...row.sso, organizationName: row.organizationName } : undefined;
}
