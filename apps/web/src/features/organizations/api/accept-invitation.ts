import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { forgetTenantData } from "../../auth";
import { organizationKeys } from "./query-keys";
import type { AcceptInvitationInput, InvitationItem } from "./types";

export function acceptInvitation({ id, token }: AcceptInvitationInput): Promise<InvitationItem> {
  return apiRequest<InvitationItem>(`/api/invitations/${encodeURIComponent(id)}/accept`, {
    method: "POST",
    json: token ? { token } : {},
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: async (_data, { id }) => {
      await forgetTenantData(queryClient);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.invitation(id) });
    },
  });
}
