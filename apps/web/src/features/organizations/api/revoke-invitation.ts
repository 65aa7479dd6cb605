import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { organizationKeys } from "./query-keys";
import type { InvitationItem } from "./types";

export function revokeInvitation(id: string): Promise<InvitationItem> {
  return apiRequest<InvitationItem>(`/api/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.invitations() }),
  });
}
