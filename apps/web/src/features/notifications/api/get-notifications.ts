import { infiniteQueryOptions, type QueryClient, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { listAfterPoll } from "./list-after-poll";
import { notificationKeys } from "./query-keys";
import type { NotificationPages, NotificationsResponse } from "./types";

/** The bell polls: the other side's actions arrive without a reload. */
export const POLL_INTERVAL_MS = 30_000;

/** One page of 20 fits the bell's dropdown; older ones come with "load more". */
const PAGE_SIZE = 20;

export function getNotifications(cursor?: string): Promise<NotificationsResponse> {
  return apiRequest<NotificationsResponse>("/api/notifications", { query: { cursor, limit: PAGE_SIZE } });
}

/** The pages the dropdown shows ("load more" adds one); not polled: `pollLatestNotifications` keeps them current. */
export const notificationListQuery = infiniteQueryOptions({
  queryKey: notificationKeys.list(),
  queryFn: ({ pageParam }) => getNotifications(pageParam),
  initialPageParam: firstCursor,
  getNextPageParam: nextCursorOf,
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * One poll: the newest page with the unread count, a single request however many pages the dropdown has
 * loaded. The answer brings those pages up to date (`listAfterPoll`) before it shows, also while the
 * dropdown is closed, so it opens on current pages as it did when all of them were polled.
 */
export async function pollLatestNotifications(queryClient: QueryClient): Promise<NotificationsResponse> {
  const latest = await getNotifications();
  const step = listAfterPoll(queryClient.getQueryData<NotificationPages>(notificationListQuery.queryKey), latest);
  if (step.kind === "set") queryClient.setQueryData<NotificationPages>(notificationListQuery.queryKey, step.data);
  if (step.kind === "refetch") await queryClient.refetchQueries({ queryKey: notificationListQuery.queryKey });
  return latest;
}

/** The bell's count (and, through the poll, the dropdown's pages), polled every 30 s. */
export function useLatestNotifications(enabled: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: () => pollLatestNotifications(queryClient),
    enabled,
    refetchInterval: POLL_INTERVAL_MS,
  });
}

export function useNotificationList() {
  return useInfiniteQuery(notificationListQuery);
}
