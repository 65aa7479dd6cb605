/** Data sharing query keys; grants share a prefix so a grant or revoke refreshes request and overview. */
export const dataSharingKeys = {
  grants: ["data-grants"] as const,
  overview: ["data-grants", "overview"] as const,
  accessLog: (filter: { grantId?: string }) => ["data-grants", "access-log", filter] as const,
  request: (engagementId: string) => ["data-grants", "request", engagementId] as const,
  partnerGrants: (engagementId: string) => ["data-grants", "partner", engagementId] as const,
  disclosures: ["data-disclosures"] as const,
  apiKeys: ["api-keys"] as const,
};
