import { useInfiniteQuery } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";
import type { OwnOfferingListResponse } from "./types";

export function getOwnOfferings(cursor?: string): Promise<OwnOfferingListResponse> {
  return unwrap(api.GET("/api/provider/offerings", { params: { query: { cursor } } }));
}

export function useOwnOfferings() {
  return useInfiniteQuery({
    queryKey: marketplaceKeys.ownOfferings(),
    queryFn: ({ pageParam }) => getOwnOfferings(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
