import { apiRequest } from "../../../lib/api-client";
import type { LegalRequirement, RecordTriggerInput } from "./types";
import { useRequirementMutation } from "./use-requirement-mutation";

export function recordTrigger(key: string, input: RecordTriggerInput): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}/triggers`, { method: "POST", json: input });
}

export function useRecordTrigger(key: string) {
  return useRequirementMutation(key, (input: RecordTriggerInput) => recordTrigger(key, input));
}
