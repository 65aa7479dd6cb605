import type { paths } from "@bgm/api-client";
import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { engagementKeys } from "./query-keys";
import type { EngagementFilters, EngagementListResponse } from "./types";

type ListQuery = NonNullable<paths["/api/engagements"]["get"]["parameters"]["query"]>;

export function getEngagements(
  filters: EngagementFilters,
  page: { cursor?: string; limit?: number } = {},
): Promise<EngagementListResponse> {
  return unwrap(
    api.GET("/api/engagements", {
      params: {
        // The selects hold "" for "any" and the phase as text; the API takes a status of its list and a number.
        query: {
          status: (filters.status || undefined) as ListQuery["status"],
          phase: filters.phase ? Number(filters.phase) : undefined,
          ...page,
        },
      },
    }),
  );
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
    queryKey: engagementKeys.latest(filters, limit),
    queryFn: () => getEngagements(filters, { limit }),
  });
}

/** The first `limit` engagements in each of these states, one query per state (in the same order). */
export function useLatestEngagementsByStatus(statuses: readonly string[], limit: number) {
  return useQueries({
    queries: statuses.map((status) => {
      const filters = { status, phase: "" };
      return { queryKey: engagementKeys.latest(filters, limit), queryFn: () => getEngagements(filters, { limit }) };
    }),
  });
}
