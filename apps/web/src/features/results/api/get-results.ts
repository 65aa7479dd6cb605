import { useInfiniteQuery } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { resultKeys } from "./query-keys";
import type { ResultListResponse } from "./types";

export function getResults(engagementId: string, cursor?: string): Promise<ResultListResponse> {
  return unwrap(api.GET("/api/engagements/{id}/results", { params: { path: { id: engagementId }, query: { cursor } } }));
}

export function useResults(engagementId: string) {
  // The other party changes results (uploads, decisions): always fetch afresh when the page shows them.
  return useInfiniteQuery({
    queryKey: resultKeys.list(engagementId),
    queryFn: ({ pageParam }) => getResults(engagementId, pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
    staleTime: 0,
  });
}

export function resultFileUrl(engagementId: string, resultId: string, fileId: string): string {
  return `/api/engagements/${encodeURIComponent(engagementId)}/results/${encodeURIComponent(resultId)}/files/${encodeURIComponent(fileId)}`;
}
