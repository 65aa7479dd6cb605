import { apiRequest } from "../../../lib/api-client";
import { useRequirementMutation } from "./use-requirement-mutation";

export interface CreateMeasureInput {
  title: string;
  ownerName: string;
  dueDate: string;
}

export function createMeasure(key: string, input: CreateMeasureInput): Promise<unknown> {
  return apiRequest(`/api/legal-requirements/${encodeURIComponent(key)}/measures`, { method: "POST", json: input });
}

export function useCreateMeasure(key: string) {
  return useRequirementMutation(key, (input: CreateMeasureInput) => createMeasure(key, input));
}
