import { apiRequest } from "../../../lib/api-client";
import { useRequirementMutation } from "./use-requirement-mutation";

export interface UpdateMeasureInput {
  id: string;
  title?: string;
  ownerName?: string;
  dueDate?: string;
  carriedOutAt?: string | null;
  proof?: string;
}

export function updateMeasure(key: string, { id, ...input }: UpdateMeasureInput): Promise<unknown> {
  return apiRequest(`/api/legal-requirements/${encodeURIComponent(key)}/measures/${encodeURIComponent(id)}`, {
    method: "PATCH",
    json: input,
  });
}

export function useUpdateMeasure(key: string) {
  return useRequirementMutation(key, (input: UpdateMeasureInput) => updateMeasure(key, input));
}
