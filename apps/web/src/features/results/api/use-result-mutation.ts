import { useMutation, useQueryClient } from "@tanstack/react-query";
import { engagementKeys } from "../../engagements";
import { notificationKeys } from "../../notifications";
import { resultKeys } from "./query-keys";
import type { PartnerResultItem } from "./types";

/**
 * An upload supersedes older versions and a decision may land data elsewhere (phases, KPIs, legal
 * requirements) and add to the engagement's timeline: refresh the results, the engagement and the bell.
 * The places a result lands in load fresh when visited (their own queries are not cached long).
 */
export function useResultMutation<TInput>(engagementId: string, mutationFn: (input: TInput) => Promise<PartnerResultItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: resultKeys.list(engagementId) }),
        queryClient.invalidateQueries({ queryKey: engagementKeys.detail(engagementId) }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.latest() }),
      ]),
  });
}
