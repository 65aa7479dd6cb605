import type { EngagementFilters } from "./types";

/** Engagement query keys; lists and details share the prefix `all`, every list sits under `lists()`. */
export const engagementKeys = {
  all: ["engagements"] as const,
  lists: () => [...engagementKeys.all, "list"] as const,
  list: (filters: EngagementFilters) => [...engagementKeys.lists(), filters] as const,
  /** The first `limit` of a list, for overviews; under the list's key, so whatever refreshes it refreshes them. */
  latest: (filters: EngagementFilters, limit: number) => [...engagementKeys.list(filters), "latest", limit] as const,
  detail: (id: string) => [...engagementKeys.all, "detail", id] as const,
};
