import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { resultKeys } from "./query-keys";
import type { OutputTypeListResponse } from "./types";

export function getOutputTypes(): Promise<OutputTypeListResponse> {
  return apiRequest<OutputTypeListResponse>("/api/output-types");
}

/** The registry changes only with a release: fetch it once per session. */
export function useOutputTypes() {
  return useQuery({ queryKey: resultKeys.outputTypes(), queryFn: getOutputTypes, staleTime: Number.POSITIVE_INFINITY });
}
