import type { EngagementAction } from "@bgm/domain";
import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export interface TransitionInput {
  action: EngagementAction;
  message: string;
  /** The version on screen: if someone else moved the engagement meanwhile, the API answers 409. */
  expectedVersion: number;
}

export function transitionEngagement(id: string, input: TransitionInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}/transitions`, { method: "POST", json: input });
}

export function useTransition(id: string) {
  return useEngagementMutation((input: TransitionInput) => transitionEngagement(id, input));
}
