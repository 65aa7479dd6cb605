import type { MemberList } from "@bgm/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { queryKeys } from "../../../lib/query-keys";

/** The largest page: a team rarely has more, so owner pickers see everyone without paging. */
const PAGE_SIZE = 100;

export function getMembers(cursor?: string): Promise<z.infer<typeof MemberList>> {
  return apiRequest("/api/organization/members", { query: { cursor, limit: PAGE_SIZE } });
}

export function useMembers() {
  return useInfiniteQuery({
    queryKey: queryKeys.members,
    queryFn: ({ pageParam }) => getMembers(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
