import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { organizationKeys } from "./query-keys";
import type { InvitationItem } from "./types";

export function getInvitation(id: string): Promise<InvitationItem> {
  return apiRequest<InvitationItem>(`/api/invitations/${encodeURIComponent(id)}`);
}

/** `enabled: false` until someone is signed in: an invitation is shown only to its addressee. */
export function useInvitation(id: string, enabled = true) {
  return useQuery({ queryKey: organizationKeys.invitation(id), queryFn: () => getInvitation(id), enabled });
}
