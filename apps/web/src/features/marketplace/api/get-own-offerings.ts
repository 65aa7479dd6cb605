import type { OwnOfferingList } from "@bgm/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { marketplaceKeys } from "./query-keys";

export function getOwnOfferings(cursor?: string): Promise<z.infer<typeof OwnOfferingList>> {
  return apiRequest("/api/provider/offerings", { query: { cursor } });
}

export function useOwnOfferings() {
  return useInfiniteQuery({
    queryKey: marketplaceKeys.ownOfferings,
    queryFn: ({ pageParam }) => getOwnOfferings(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
