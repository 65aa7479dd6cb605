import { apiRequest } from "../../../lib/api-client";
import type { CreateMeasureInput, LegalRequirement } from "./types";
import { useRequirementMutation } from "./use-requirement-mutation";

export function createMeasure(key: string, input: CreateMeasureInput): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}/measures`, { method: "POST", json: input });
}

export function useCreateMeasure(key: string) {
  return useRequirementMutation(key, (input: CreateMeasureInput) => createMeasure(key, input));
}
