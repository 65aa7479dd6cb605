import { api, unwrap } from "../../../lib/typed-api";
import type { DecideResultInput, PartnerResultItem } from "./types";
import { useResultMutation } from "./use-result-mutation";

export function decideResult(engagementId: string, { resultId, ...decision }: DecideResultInput): Promise<PartnerResultItem> {
  return unwrap(
    api.POST("/api/engagements/{id}/results/{resultId}/decision", { params: { path: { id: engagementId, resultId } }, body: decision }),
  );
}

export function useDecideResult(engagementId: string) {
  return useResultMutation(engagementId, (input: DecideResultInput) => decideResult(engagementId, input));
}
