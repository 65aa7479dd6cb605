import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { engagementKeys } from "../../engagements";
import { messagingKeys } from "./query-keys";
import type { Message, MessagePage, PostMessageInput, Unread } from "./types";

/** Like the notification bell, the counts and an open thread are polled: the other side's answer arrives without a reload. */
export const MESSAGE_POLL_MS = 30_000;
const PAGE_SIZE = 20;

const threadUrl = (engagementId: string) => `/api/engagements/${encodeURIComponent(engagementId)}/messages`;

export function getMessages(engagementId: string, cursor?: string): Promise<MessagePage> {
  return apiRequest<MessagePage>(threadUrl(engagementId), { query: { cursor, limit: PAGE_SIZE } });
}

export function useMessages(engagementId: string) {
  return useInfiniteQuery({
    queryKey: messagingKeys.thread(engagementId),
    queryFn: ({ pageParam }) => getMessages(engagementId, pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
    refetchInterval: MESSAGE_POLL_MS,
  });
}

export function getUnread(): Promise<Unread> {
  return apiRequest<Unread>("/api/messages/unread");
}

export function useUnreadMessages(enabled: boolean) {
  return useQuery({ queryKey: messagingKeys.unread(), queryFn: getUnread, enabled, refetchInterval: MESSAGE_POLL_MS });
}

/** JSON without files; multipart/form-data with them (the browser sets the boundary). */
export function postMessage(engagementId: string, input: PostMessageInput): Promise<Message> {
  const { files = [], ...fields } = input;
  if (files.length === 0) return apiRequest<Message>(threadUrl(engagementId), { method: "POST", json: fields });
  const form = new FormData();
  form.set("text", fields.text);
  if (fields.topic) form.set("topic", fields.topic);
  if (fields.acknowledgePersonalData) form.set("acknowledgePersonalData", "true");
  for (const f of files) form.append("attachments", f, f.name);
  return apiRequest<Message>(threadUrl(engagementId), { method: "POST", body: form });
}

export function usePostMessage(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PostMessageInput) => postMessage(engagementId, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: messagingKeys.thread(engagementId) }),
        // The message also stands in the engagement's timeline.
        queryClient.invalidateQueries({ queryKey: engagementKeys.detail(engagementId) }),
      ]);
    },
  });
}

export function markMessagesRead(engagementId: string): Promise<Unread> {
  return apiRequest<Unread>(`${threadUrl(engagementId)}/read`, { method: "POST", json: {} });
}

export function useMarkMessagesRead(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markMessagesRead(engagementId),
    onSuccess: (unread) => {
      queryClient.setQueryData(messagingKeys.unread(), unread);
      void queryClient.invalidateQueries({ queryKey: messagingKeys.thread(engagementId) });
    },
  });
}

export function attachmentUrl(engagementId: string, messageId: string, attachmentId: string): string {
  return `${threadUrl(engagementId)}/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
