import { apiRequest } from "../../../lib/api-client";
import { useRequirementMutation } from "./use-requirement-mutation";

export interface UpdateRequirementInput {
  assessmentDate?: string | null;
  effectivenessCheck?: string;
  effectivenessCheckedOn?: string | null;
}

export function updateRequirement(key: string, input: UpdateRequirementInput): Promise<unknown> {
  return apiRequest(`/api/legal-requirements/${encodeURIComponent(key)}`, { method: "PATCH", json: input });
}

export function useUpdateRequirement(key: string) {
  return useRequirementMutation(key, (input: UpdateRequirementInput) => updateRequirement(key, input));
}
