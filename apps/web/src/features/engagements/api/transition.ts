import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail, TransitionInput } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function transitionEngagement(id: string, input: TransitionInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}/transitions`, { method: "POST", json: input });
}

export function useTransition(id: string) {
  return useEngagementMutation((input: TransitionInput) => transitionEngagement(id, input));
}
