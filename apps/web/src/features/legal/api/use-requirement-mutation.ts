import { useMutation, useQueryClient } from "@tanstack/react-query";
import { legalKeys } from "./query-keys";
import type { LegalRequirement } from "./types";

/**
 * Every change to a requirement answers with the whole requirement and can flip its status and its
 * `missing` list: store the answer as the detail, then refresh the overview (and with it the detail).
 */
export function useRequirementMutation<TInput>(key: string, mutationFn: (input: TInput) => Promise<LegalRequirement>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (requirement) => {
      queryClient.setQueryData(legalKeys.detail(key), requirement);
      await queryClient.invalidateQueries({ queryKey: legalKeys.all });
    },
  });
}
