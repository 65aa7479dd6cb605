import { apiRequest } from "../../../lib/api-client";
import type { PartnerResultItem } from "./types";
import { useResultMutation } from "./use-result-mutation";

export interface DecideResultInput {
  resultId: string;
  decision: "accept" | "request_changes";
  reason: string;
}

export function decideResult(engagementId: string, { resultId, decision, reason }: DecideResultInput): Promise<PartnerResultItem> {
  return apiRequest<PartnerResultItem>(
    `/api/engagements/${encodeURIComponent(engagementId)}/results/${encodeURIComponent(resultId)}/decision`,
    { method: "POST", json: { decision, reason } },
  );
}

export function useDecideResult(engagementId: string) {
  return useResultMutation(engagementId, (input: DecideResultInput) => decideResult(engagementId, input));
}
