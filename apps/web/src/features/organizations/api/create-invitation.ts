import type { Invitation, MemberRole } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export interface CreateInvitationInput {
  email: string;
  role: MemberRole;
}

export function createInvitation(input: CreateInvitationInput): Promise<Invitation> {
  return apiRequest<Invitation>("/api/invitations", { method: "POST", json: input });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
  });
}
