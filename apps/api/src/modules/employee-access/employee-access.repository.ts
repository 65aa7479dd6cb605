import { companyJoinLink, type Database, organization, type Tx } from "@bgm/db";
import { and, eq, isNull } from "drizzle-orm";

export type JoinLinkRow = typeof companyJoinLink.$inferSelect;

// Inside a tenant transaction every query still names the organization: two walls (ADR 0001).

export async function findActive(tx: Tx, orgId: string): Promise<JoinLinkRow | undefined> {
  const [row] = await tx
    .select()
    .from(companyJoinLink)
    .where(and(eq(companyJoinLink.orgId, orgId), isNull(companyJoinLink.revokedAt)));
  return row;
}

export async function insert(tx: Tx, values: { id: string; orgId: string; tokenHash: string; createdBy: string }): Promise<JoinLinkRow> {
  const [row] = await tx.insert(companyJoinLink).values(values).returning();
  if (!row) throw new Error("join link insert returned nothing");
  return row;
}

/** Revokes the company's active link; the row it revoked, or undefined when there was none. */
export async function revokeActive(tx: Tx, orgId: string, userId: string): Promise<JoinLinkRow | undefined> {
  const [row] = await tx
    .update(companyJoinLink)
    .set({ revokedAt: new Date(), revokedBy: userId })
    .where(and(eq(companyJoinLink.orgId, orgId), isNull(companyJoinLink.revokedAt)))
    .returning();
  return row;
}

/**
 * The public side knows no company yet: an active link found by its token hash (or by its id, for a mailed
 * sign-in link), with its company. Read on the owner's connection, before any tenant context exists; it
 * answers only for active links of companies.
 */
export async function findActiveLinkOutsideTenant(
  db: Database,
  by: { tokenHash: string } | { id: string },
): Promise<{ id: string; orgId: string; organizationName: string } | undefined> {
  const [row] = await db
    .select({ id: companyJoinLink.id, orgId: companyJoinLink.orgId, organizationName: organization.name })
    .from(companyJoinLink)
    .innerJoin(organization, eq(organization.id, companyJoinLink.orgId))
    .where(
      and(
        "tokenHash" in by ? eq(companyJoinLink.tokenHash, by.tokenHash) : eq(companyJoinLink.id, by.id),
        isNull(companyJoinLink.revokedAt),
        eq(organization.kind, "company"),
      ),
    );
  return row;
}
