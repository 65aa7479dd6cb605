import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function setActiveOrganization(organizationId: string): Promise<unknown> {
  return apiRequest("/api/me/active-organization", { method: "POST", json: { organizationId } });
}

export function useSetActiveOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setActiveOrganization,
    // Data of the previous tenant must never show up under the new one, not even for a moment.
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
