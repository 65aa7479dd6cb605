import { useInfiniteQuery } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { dataSharingKeys } from "./query-keys";
import type { DataDisclosureListResponse } from "./types";

export function getDisclosures(cursor?: string): Promise<DataDisclosureListResponse> {
  return unwrap(api.GET("/api/me/data-disclosures", { params: { query: { cursor } } }));
}

export function useDisclosures() {
  return useInfiniteQuery({
    queryKey: dataSharingKeys.disclosures(),
    queryFn: ({ pageParam }) => getDisclosures(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
