import { apiRequest } from "../../../lib/api-client";
import type { DecideResultInput, PartnerResultItem } from "./types";
import { useResultMutation } from "./use-result-mutation";

export function decideResult(engagementId: string, { resultId, ...decision }: DecideResultInput): Promise<PartnerResultItem> {
  return apiRequest<PartnerResultItem>(
    `/api/engagements/${encodeURIComponent(engagementId)}/results/${encodeURIComponent(resultId)}/decision`,
    { method: "POST", json: decision },
  );
}

export function useDecideResult(engagementId: string) {
  return useResultMutation(engagementId, (input: DecideResultInput) => decideResult(engagementId, input));
}
