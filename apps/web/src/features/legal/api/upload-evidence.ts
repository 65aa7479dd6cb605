import { uploadFile } from "../../../lib/api-client";
import type { LegalRequirement, UploadEvidenceInput } from "./types";
import { useRequirementMutation } from "./use-requirement-mutation";

export function uploadEvidence(key: string, { step, file, note }: UploadEvidenceInput): Promise<LegalRequirement> {
  return uploadFile<LegalRequirement>(
    `/api/legal-requirements/${encodeURIComponent(key)}/steps/${encodeURIComponent(step)}/evidence`,
    file,
    note ? { "X-File-Note": encodeURIComponent(note) } : {},
  );
}

export function useUploadEvidence(key: string) {
  return useRequirementMutation(key, (input: UploadEvidenceInput) => uploadEvidence(key, input));
}
