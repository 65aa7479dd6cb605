import { apiRequest } from "../../../lib/api-client";
import type { CreateEngagementInput, EngagementDetail } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function createEngagement(input: CreateEngagementInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>("/api/engagements", { method: "POST", json: input });
}

export function useCreateEngagement() {
  return useEngagementMutation(createEngagement);
}
