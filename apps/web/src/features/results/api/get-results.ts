import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { resultKeys } from "./query-keys";
import type { ResultListResponse } from "./types";

export function getResults(engagementId: string): Promise<ResultListResponse> {
  return apiRequest<ResultListResponse>(`/api/engagements/${encodeURIComponent(engagementId)}/results`);
}

export function useResults(engagementId: string) {
  // The other party changes results (uploads, decisions): always fetch afresh when the page shows them.
  return useQuery({ queryKey: resultKeys.list(engagementId), queryFn: () => getResults(engagementId), staleTime: 0 });
}

export function resultFileUrl(engagementId: string, resultId: string, fileId: string): string {
  return `/api/engagements/${encodeURIComponent(engagementId)}/results/${encodeURIComponent(resultId)}/files/${encodeURIComponent(fileId)}`;
}
