import { type Database, offering, organization, type Tx } from "@bgm/db";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

/**
 * What other modules know of an offering: the engagements module shows its title and hands the scopes
 * it requests and the results it declares on to data-grants and results. Read in the caller's tenant
 * transaction, so row-level security decides what is visible: a company keeps seeing the offerings
 * of its own engagements (policy offering_read), a provider its own; nobody else's drafts. Participation
 * carries title, description, category and §20 certification over into an intervention.
 */
export interface OfferingFacts {
  id: string;
  orgId: string;
  title: string;
  description: string;
  category: string;
  certifications: string[];
  requiredDataScopes: string[];
  outputDataTypes: string[];
}

/** The offerings among `ids` the caller may read, by id (missing ones are simply absent). */
export async function findOfferingFacts(tx: Tx | Database, ids: readonly string[]): Promise<Map<string, OfferingFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({
      id: offering.id,
      orgId: offering.orgId,
      title: offering.title,
      description: offering.description,
      category: offering.category,
      certifications: offering.certifications,
      requiredDataScopes: offering.requiredDataScopes,
      outputDataTypes: offering.outputDataTypes,
    })
    .from(offering)
    .where(inArray(offering.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

const provider = alias(organization, "provider_org");

/** Quote requests go only to published offerings of provider organizations. */
export async function findPublishedOffering(tx: Tx, id: string): Promise<{ id: string; orgId: string; title: string } | null> {
  const [row] = await tx
    .select({ id: offering.id, orgId: offering.orgId, title: offering.title })
    .from(offering)
    .innerJoin(provider, eq(provider.id, offering.orgId))
    .where(and(eq(offering.id, id), eq(offering.status, "published"), eq(provider.kind, "provider")));
  return row ?? null;
}
