import type { Invitation } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getInvitations(): Promise<Invitation[]> {
  return apiRequest<Invitation[]>("/api/invitations");
}

export function useInvitations() {
  return useQuery({ queryKey: queryKeys.invitations, queryFn: getInvitations });
}
