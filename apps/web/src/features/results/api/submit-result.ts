import { api, unwrap } from "../../../lib/typed-api";
import type { PartnerResultItem, SubmitResultInput } from "./types";
import { useResultMutation } from "./use-result-mutation";

/**
 * Without files the upload is plain JSON; with files it is multipart, the payload travelling as a JSON
 * string. The browser sets the multipart Content-Type (with its boundary) itself.
 */
export function submitResult(engagementId: string, { outputType, payload, note, files }: SubmitResultInput): Promise<PartnerResultItem> {
  const params = { path: { id: engagementId } };
  const body = { outputType, payload, note };
  if (files.length === 0) return unwrap(api.POST("/api/partner/engagements/{id}/results", { params, body }));
  const form = new FormData();
  form.append("outputType", outputType);
  form.append("payload", JSON.stringify(payload));
  form.append("note", note);
  for (const file of files) form.append("files", file, file.name);
  // The same fields, typed against the route, sent as multipart with the files (the browser sets the boundary).
  return unwrap(api.POST("/api/partner/engagements/{id}/results", { params, body, bodySerializer: () => form }));
}

export function useSubmitResult(engagementId: string) {
  return useResultMutation(engagementId, (input: SubmitResultInput) => submitResult(engagementId, input));
}
