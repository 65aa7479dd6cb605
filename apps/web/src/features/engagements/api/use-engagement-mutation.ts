import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notificationKeys } from "../../notifications";
import { engagementKeys } from "./query-keys";
import type { EngagementDetail } from "./types";

/**
 * Every change to an engagement answers with the full engagement: store it as the detail, then
 * refresh the lists (status, last activity) and the bell (the change may have been announced).
 */
export function useEngagementMutation<TInput>(mutationFn: (input: TInput) => Promise<EngagementDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (engagement) => {
      queryClient.setQueryData(engagementKeys.detail(engagement.id), engagement);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: engagementKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.latest() }),
      ]);
    },
  });
}
