import type { NotificationList } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { notificationKeys } from "./query-keys";

export type NotificationsResponse = z.infer<typeof NotificationList>;
export type NotificationItem = NotificationsResponse["items"][number];

/** The bell polls: the other side's actions arrive without a reload. */
export const POLL_INTERVAL_MS = 30_000;

export function getNotifications(): Promise<NotificationsResponse> {
  return apiRequest<NotificationsResponse>("/api/notifications");
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: getNotifications,
    enabled,
    refetchInterval: POLL_INTERVAL_MS,
  });
}
