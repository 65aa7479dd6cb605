import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { organizationKeys } from "./query-keys";
import type { MemberListResponse } from "./types";

/** The largest page: a team rarely has more, so owner pickers see everyone without paging. */
const PAGE_SIZE = 100;

export function getMembers(cursor?: string): Promise<MemberListResponse> {
  return apiRequest<MemberListResponse>("/api/organization/members", { query: { cursor, limit: PAGE_SIZE } });
}

export function useMembers() {
  return useInfiniteQuery({
    queryKey: organizationKeys.members(),
    queryFn: ({ pageParam }) => getMembers(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
