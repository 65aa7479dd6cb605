import { apiRequest } from "../../../lib/api-client";
import type { LegalRequirement, UpdateRequirementInput } from "./types";
import { useRequirementMutation } from "./use-requirement-mutation";

export function updateRequirement(key: string, input: UpdateRequirementInput): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}`, { method: "PATCH", json: input });
}

export function useUpdateRequirement(key: string) {
  return useRequirementMutation(key, (input: UpdateRequirementInput) => updateRequirement(key, input));
}
