import type { NotificationList } from "@bgm/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { notificationKeys } from "./query-keys";

export type NotificationsResponse = z.infer<typeof NotificationList>;
export type NotificationItem = NotificationsResponse["items"][number];

/** The bell polls: the other side's actions arrive without a reload. */
export const POLL_INTERVAL_MS = 30_000;

/** One page of 20 fits the bell's dropdown; older ones come with "load more". */
const PAGE_SIZE = 20;

export function getNotifications(cursor?: string): Promise<NotificationsResponse> {
  return apiRequest<NotificationsResponse>("/api/notifications", { query: { cursor, limit: PAGE_SIZE } });
}

export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ pageParam }) => getNotifications(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
    enabled,
    refetchInterval: POLL_INTERVAL_MS,
  });
}
