import type { OrgKind } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export interface CreateOrganizationInput {
  name: string;
  kind: OrgKind;
}

export function createOrganization(input: CreateOrganizationInput): Promise<unknown> {
  return apiRequest("/api/organizations", { method: "POST", json: input });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    // The new organization becomes the active one, so everything tenant-scoped starts fresh.
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
