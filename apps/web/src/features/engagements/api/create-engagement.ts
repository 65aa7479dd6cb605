import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export interface CreateEngagementInput {
  offeringId: string;
  taskKey: string | null;
  brief: {
    what: string;
    when: string;
    employeeCount: number | null;
    budgetCents: number | null;
    message: string;
  };
}

export function createEngagement(input: CreateEngagementInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>("/api/engagements", { method: "POST", json: input });
}

export function useCreateEngagement() {
  return useEngagementMutation(createEngagement);
}
