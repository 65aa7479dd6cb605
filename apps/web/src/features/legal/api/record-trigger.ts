import type { ReopenTriggerKey } from "@bgm/domain";
import { apiRequest } from "../../../lib/api-client";
import { useRequirementMutation } from "./use-requirement-mutation";

export interface RecordTriggerInput {
  kind: ReopenTriggerKey;
  note: string;
}

export function recordTrigger(key: string, input: RecordTriggerInput): Promise<unknown> {
  return apiRequest(`/api/legal-requirements/${encodeURIComponent(key)}/triggers`, { method: "POST", json: input });
}

export function useRecordTrigger(key: string) {
  return useRequirementMutation(key, (input: RecordTriggerInput) => recordTrigger(key, input));
}
