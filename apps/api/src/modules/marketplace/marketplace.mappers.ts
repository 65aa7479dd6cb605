import type { offering, providerProfile } from "@bgm/db";
import type { Offering, ProviderProfile } from "@bgm/domain";

export type OfferingRow = Omit<typeof offering.$inferSelect, "searchVector" | "createdAt">;

export function toOffering(row: OfferingRow): Offering {
  return {
    id: row.id,
    providerOrgId: row.orgId,
    providerName: row.providerName,
    title: row.title,
    description: row.description,
    category: row.category,
    certifications: row.certifications,
    deliveryMode: row.deliveryMode,
    priceFromCents: row.priceFromCents,
    priceUnit: row.priceUnit,
    turnaroundDays: row.turnaroundDays,
    capacity: row.capacity,
    requiredDataScopes: row.requiredDataScopes,
    outputDataTypes: row.outputDataTypes,
    integrationPoints: row.integrationPoints,
    relevantPhases: row.relevantPhases,
    relevantTasks: row.relevantTasks,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A provider without a saved profile yet still has one: its name and empty fields. */
export function toProviderProfile(orgId: string, name: string, row: typeof providerProfile.$inferSelect | null): ProviderProfile {
  return {
    organizationId: orgId,
    name,
    description: row?.description ?? "",
    regions: row?.regions ?? [],
    certifications: row?.certifications ?? [],
    contactEmail: row?.contactEmail ?? "",
    website: row?.website ?? "",
    isHealthInsurer: row?.isHealthInsurer ?? false,
  };
}
