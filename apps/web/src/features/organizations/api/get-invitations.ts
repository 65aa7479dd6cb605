import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { organizationKeys } from "./query-keys";
import type { InvitationListResponse } from "./types";

export function getInvitations(cursor?: string): Promise<InvitationListResponse> {
  return apiRequest<InvitationListResponse>("/api/invitations", { query: { cursor } });
}

export function useInvitations() {
  return useInfiniteQuery({
    queryKey: organizationKeys.invitations(),
    queryFn: ({ pageParam }) => getInvitations(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
