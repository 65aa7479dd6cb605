import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail, ProgressInput } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function reportProgress(id: string, input: ProgressInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}/progress`, { method: "POST", json: input });
}

export function useReportProgress(id: string) {
  return useEngagementMutation((input: ProgressInput) => reportProgress(id, input));
}
