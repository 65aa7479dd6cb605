import type { EngagementList } from "@bgm/domain";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { engagementKeys } from "./query-keys";

export interface EngagementFilters {
  status: string;
  phase: string;
}

export type EngagementListResponse = z.infer<typeof EngagementList>;

export function getEngagements(
  filters: EngagementFilters,
  page: { cursor?: string; limit?: number } = {},
): Promise<EngagementListResponse> {
  return apiRequest("/api/engagements", { query: { ...filters, ...page } });
}

/** The dashboard / inbox: latest activity first, one page at a time ("load more"). */
export function useEngagements(filters: EngagementFilters) {
  return useInfiniteQuery({
    queryKey: engagementKeys.list(filters),
    queryFn: ({ pageParam }) => getEngagements(filters, { cursor: pageParam }),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
    placeholderData: keepPreviousData,
  });
}

/** Only the first `limit` engagements with the latest activity: for overviews that link to the full list. */
export function useLatestEngagements(filters: EngagementFilters, limit: number) {
  return useQuery({
    queryKey: [...engagementKeys.list(filters), "latest", limit],
    queryFn: () => getEngagements(filters, { limit }),
  });
}
