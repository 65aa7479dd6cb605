import type { GbuStepKey } from "@bgm/domain";
import { uploadFile } from "../../../lib/api-client";
import { useRequirementMutation } from "./use-requirement-mutation";

export interface UploadEvidenceInput {
  step: GbuStepKey;
  file: File;
  note: string;
}

export function uploadEvidence(key: string, { step, file, note }: UploadEvidenceInput): Promise<unknown> {
  return uploadFile(
    `/api/legal-requirements/${encodeURIComponent(key)}/steps/${encodeURIComponent(step)}/evidence`,
    file,
    note ? { "X-File-Note": encodeURIComponent(note) } : {},
  );
}

export function useUploadEvidence(key: string) {
  return useRequirementMutation(key, (input: UploadEvidenceInput) => uploadEvidence(key, input));
}
