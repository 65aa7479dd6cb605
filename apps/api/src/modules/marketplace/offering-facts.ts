import { offering } from "@bgm/db";
import { eq } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

/** What other modules carry over from an offering (participation: title, category, §20 certification). */
export interface OfferingFacts {
  id: string;
  title: string;
  description: string;
  category: string;
  certifications: string[];
}

/**
 * An offering the scope's organization may read: published, its own, or (for a company) the offering of
 * one of its engagements even after the provider archived it (the table's read policy, migration 0007).
 */
export async function findOfferingFacts(scope: Pick<TenantScope, "tx">, id: string): Promise<OfferingFacts | null> {
  const [row] = await scope.tx
    .select({
      id: offering.id,
      title: offering.title,
      description: offering.description,
      category: offering.category,
      certifications: offering.certifications,
    })
    .from(offering)
    .where(eq(offering.id, id));
  return row ?? null;
}
