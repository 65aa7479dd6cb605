/** Marketplace query keys; everything starts with "marketplace" so one invalidation reaches all of them. */
export const marketplaceKeys = {
  all: ["marketplace"] as const,
  offerings: ["marketplace", "offerings"] as const,
  offering: (id: string) => ["marketplace", "offering", id] as const,
  suggestions: ["marketplace", "suggestions"] as const,
  ownOfferings: ["marketplace", "own-offerings"] as const,
  profile: ["marketplace", "provider-profile"] as const,
};
