import type { GbuStepKey } from "@bgm/domain";
import { apiRequest } from "../../../lib/api-client";
import { useRequirementMutation } from "./use-requirement-mutation";

export interface UpdateStepInput {
  step: GbuStepKey;
  done?: boolean;
  notes?: string;
}

export function updateStep(key: string, { step, ...input }: UpdateStepInput): Promise<unknown> {
  return apiRequest(`/api/legal-requirements/${encodeURIComponent(key)}/steps/${encodeURIComponent(step)}`, {
    method: "PATCH",
    json: input,
  });
}

export function useUpdateStep(key: string) {
  return useRequirementMutation(key, (input: UpdateStepInput) => updateStep(key, input));
}
