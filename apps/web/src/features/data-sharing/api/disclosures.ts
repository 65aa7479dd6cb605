import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { dataSharingKeys } from "./query-keys";
import type { DataDisclosureListResponse } from "./types";

export function getDisclosures(cursor?: string): Promise<DataDisclosureListResponse> {
  return apiRequest<DataDisclosureListResponse>("/api/me/data-disclosures", { query: { cursor } });
}

export function useDisclosures() {
  return useInfiniteQuery({
    queryKey: dataSharingKeys.disclosures(),
    queryFn: ({ pageParam }) => getDisclosures(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
