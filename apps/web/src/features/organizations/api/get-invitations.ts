import type { InvitationList } from "@bgm/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { queryKeys } from "../../../lib/query-keys";

export function getInvitations(cursor?: string): Promise<z.infer<typeof InvitationList>> {
  return apiRequest("/api/invitations", { query: { cursor } });
}

export function useInvitations() {
  return useInfiniteQuery({
    queryKey: queryKeys.invitations,
    queryFn: ({ pageParam }) => getInvitations(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
