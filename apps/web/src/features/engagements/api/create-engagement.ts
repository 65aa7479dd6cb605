import { api, unwrap } from "../../../lib/typed-api";
import type { CreateEngagementInput, EngagementDetail } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function createEngagement(input: CreateEngagementInput): Promise<EngagementDetail> {
  return unwrap(api.POST("/api/engagements", { body: input }));
}

export function useCreateEngagement() {
  return useEngagementMutation(createEngagement);
}
