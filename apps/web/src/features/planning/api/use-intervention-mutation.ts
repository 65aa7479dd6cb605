import { useMutation, useQueryClient } from "@tanstack/react-query";
import { planningKeys } from "./query-keys";
import type { PlannedInterventionItem } from "./types";

/** Writes the server's answer into the list at once, then refetches so every row is current. */
export function useInterventionMutation<TInput>(fn: (input: TInput) => Promise<PlannedInterventionItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (updated) => {
      queryClient.setQueryData<PlannedInterventionItem[]>(planningKeys.interventions(), (items) =>
        items?.map((item) => (item.id === updated.id ? updated : item)),
      );
      await queryClient.invalidateQueries({ queryKey: planningKeys.interventions() });
    },
  });
}
