import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { notificationKeys } from "./query-keys";
import type { NotificationItem, OkResponse } from "./types";

export function markNotificationRead(id: string): Promise<NotificationItem> {
  return apiRequest<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
}

export function markAllNotificationsRead(): Promise<OkResponse> {
  return apiRequest<OkResponse>("/api/notifications/read-all", { method: "POST" });
}

/** The unread count changes, so the newest page does, and the loaded pages follow it. */
function useRefreshBell() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.latest() });
}

export function useMarkRead() {
  return useMutation({ mutationFn: markNotificationRead, onSuccess: useRefreshBell() });
}

export function useMarkAllRead() {
  return useMutation({ mutationFn: markAllNotificationsRead, onSuccess: useRefreshBell() });
}
