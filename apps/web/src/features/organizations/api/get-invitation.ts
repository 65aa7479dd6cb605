import type { Invitation } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getInvitation(id: string): Promise<Invitation> {
  return apiRequest<Invitation>(`/api/invitations/${encodeURIComponent(id)}`);
}

export function useInvitation(id: string) {
  return useQuery({ queryKey: queryKeys.invitation(id), queryFn: () => getInvitation(id) });
}
