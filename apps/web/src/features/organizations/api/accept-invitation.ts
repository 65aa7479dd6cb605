import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function acceptInvitation({ id, token }: { id: string; token?: string }): Promise<unknown> {
  return apiRequest(`/api/invitations/${encodeURIComponent(id)}/accept`, { method: "POST", json: token ? { token } : {} });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: async (_data, { id }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitation(id) });
    },
  });
}
