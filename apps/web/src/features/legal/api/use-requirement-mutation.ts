import type { LegalRequirement } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../../../lib/query-keys";

/**
 * Every change to a requirement can flip its status and its `missing` list, so each mutation
 * refreshes both the detail and the overview.
 */
export function useRequirementMutation<TInput>(key: string, mutationFn: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (data) => {
      if (isRequirement(data)) queryClient.setQueryData(queryKeys.legalOne(key), data);
      await queryClient.invalidateQueries({ queryKey: queryKeys.legal });
    },
  });
}

function isRequirement(data: unknown): data is LegalRequirement {
  return typeof data === "object" && data !== null && "steps" in data && "missing" in data;
}
