import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export interface ProgressInput {
  percent: number;
  message: string;
}

export function reportProgress(id: string, input: ProgressInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}/progress`, { method: "POST", json: input });
}

export function useReportProgress(id: string) {
  return useEngagementMutation((input: ProgressInput) => reportProgress(id, input));
}
