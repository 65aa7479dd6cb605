import { apiRequest } from "../../../lib/api-client";
import type { LegalRequirement, UpdateMeasureInput } from "./types";
import { useRequirementMutation } from "./use-requirement-mutation";

export function updateMeasure(key: string, { id, ...input }: UpdateMeasureInput): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}/measures/${encodeURIComponent(id)}`, {
    method: "PATCH",
    json: input,
  });
}

export function useUpdateMeasure(key: string) {
  return useRequirementMutation(key, (input: UpdateMeasureInput) => updateMeasure(key, input));
}
