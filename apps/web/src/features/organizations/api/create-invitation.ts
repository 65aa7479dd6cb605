import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { organizationKeys } from "./query-keys";
import type { CreateInvitationInput, InvitationItem } from "./types";

export function createInvitation(input: CreateInvitationInput): Promise<InvitationItem> {
  return apiRequest<InvitationItem>("/api/invitations", { method: "POST", json: input });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.invitations() }),
  });
}
