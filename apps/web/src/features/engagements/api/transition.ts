import { api, unwrap } from "../../../lib/typed-api";
import type { EngagementDetail, TransitionInput } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function transitionEngagement(id: string, input: TransitionInput): Promise<EngagementDetail> {
  return unwrap(api.POST("/api/engagements/{id}/transitions", { params: { path: { id } }, body: input }));
}

export function useTransition(id: string) {
  return useEngagementMutation((input: TransitionInput) => transitionEngagement(id, input));
}
