import { apiRequest } from "../../../lib/api-client";
import type { LegalRequirement, UpdateStepInput } from "./types";
import { useRequirementMutation } from "./use-requirement-mutation";

export function updateStep(key: string, { step, ...input }: UpdateStepInput): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}/steps/${encodeURIComponent(step)}`, {
    method: "PATCH",
    json: input,
  });
}

export function useUpdateStep(key: string) {
  return useRequirementMutation(key, (input: UpdateStepInput) => updateStep(key, input));
}
