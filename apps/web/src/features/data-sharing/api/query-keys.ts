import type { AccessLogFilter } from "./types";

/**
 * Data sharing query keys. Everything a grant or a revoke changes sits under `grants()` (the request
 * on an engagement, the overview, the access log, the partner's view), so one invalidation refreshes it.
 */
export const dataSharingKeys = {
  all: ["data-sharing"] as const,
  grants: () => [...dataSharingKeys.all, "grants"] as const,
  overview: () => [...dataSharingKeys.grants(), "overview"] as const,
  accessLog: (filter: AccessLogFilter) => [...dataSharingKeys.grants(), "access-log", filter] as const,
  request: (engagementId: string) => [...dataSharingKeys.grants(), "request", engagementId] as const,
  partnerGrants: (engagementId: string) => [...dataSharingKeys.grants(), "partner", engagementId] as const,
  disclosures: () => [...dataSharingKeys.all, "disclosures"] as const,
  apiKeys: () => [...dataSharingKeys.all, "api-keys"] as const,
};
