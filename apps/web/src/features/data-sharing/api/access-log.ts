import { useInfiniteQuery } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { dataSharingKeys } from "./query-keys";
import type { AccessLogFilter, AccessLogListResponse } from "./types";

export function getAccessLog(filter: AccessLogFilter, cursor?: string): Promise<AccessLogListResponse> {
  return unwrap(api.GET("/api/data-grants/access-log", { params: { query: { ...filter, cursor } } }));
}

/** The company's whole access log, newest first, a page at a time; narrowed to one grant when opened from it. */
export function useAccessLog(filter: AccessLogFilter) {
  return useInfiniteQuery({
    queryKey: dataSharingKeys.accessLog(filter),
    queryFn: ({ pageParam }) => getAccessLog(filter, pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}
