import type { Invitation } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getInvitation(id: string): Promise<Invitation> {
  return apiRequest<Invitation>(`/api/invitations/${encodeURIComponent(id)}`);
}

/** `enabled: false` until someone is signed in: an invitation is shown only to its addressee. */
export function useInvitation(id: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.invitation(id), queryFn: () => getInvitation(id), enabled });
}
