import { api, unwrap } from "../../../lib/typed-api";
import type { EngagementDetail, ProgressInput } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function reportProgress(id: string, input: ProgressInput): Promise<EngagementDetail> {
  return unwrap(api.POST("/api/engagements/{id}/progress", { params: { path: { id } }, body: input }));
}

export function useReportProgress(id: string) {
  return useEngagementMutation((input: ProgressInput) => reportProgress(id, input));
}
