import type { OfferingListParams, SuggestionParams } from "./types";

/** Marketplace query keys; everything starts with "marketplace" so one invalidation (`all`) reaches all of them. */
export const marketplaceKeys = {
  all: ["marketplace"] as const,
  offerings: () => [...marketplaceKeys.all, "offerings"] as const,
  offeringList: (params: OfferingListParams) => [...marketplaceKeys.offerings(), params] as const,
  certifications: () => [...marketplaceKeys.offerings(), "certifications"] as const,
  offering: (id: string) => [...marketplaceKeys.all, "offering", id] as const,
  offeringProvider: (id: string) => [...marketplaceKeys.all, "offering", id, "provider"] as const,
  /** Per company: the signed-in manager's matching; a sign-out clears the cache anyway. */
  offeringFit: (id: string) => [...marketplaceKeys.all, "offering", id, "fit"] as const,
  suggestions: (params: SuggestionParams) => [...marketplaceKeys.all, "suggestions", params] as const,
  ownOfferings: () => [...marketplaceKeys.all, "own-offerings"] as const,
  offeringStats: (weeks: number) => [...marketplaceKeys.all, "offering-stats", weeks] as const,
  profile: () => [...marketplaceKeys.all, "provider-profile"] as const,
};
