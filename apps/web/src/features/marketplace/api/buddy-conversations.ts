import type { BuddyConversation, BuddyConversationList, BuddyStreamEvent, BuddyStreamQuestion } from "@bgm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiErrorOf } from "../../../lib/api-client";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";

export type BuddyEvent = z.infer<typeof BuddyStreamEvent>;
export type BuddyDone = Extract<BuddyEvent, { type: "done" }>["answer"];
export type BuddyConversationData = z.infer<typeof BuddyConversation>;
export type BuddyConversationSummary = z.infer<typeof BuddyConversationList>["items"][number];

const buddyKeys = {
  conversations: () => [...marketplaceKeys.all, "buddy-conversations"] as const,
  conversation: (id: string) => [...marketplaceKeys.all, "buddy-conversations", id] as const,
};

/**
 * Asks the streaming buddy (ADR 0023): calls `onEvent` for each NDJSON line as it arrives. A refusal
 * before the stream opens (403, 404, 400) throws the usual ApiError.
 */
export async function streamBuddy(
  input: z.input<typeof BuddyStreamQuestion>,
  onEvent: (e: BuddyEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const res = await fetch("/api/matching/assistant/stream", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/x-ndjson", "X-Requested-With": "bgm-hub" },
    body: JSON.stringify(input),
    credentials: "same-origin",
    signal,
  });
  if (!res.ok || !res.body) {
    let payload: unknown = null;
    try {
      payload = await res.json();
    } catch {
      // Not JSON: a generic error follows.
    }
    throw apiErrorOf(res, payload);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
      if (line) onEvent(JSON.parse(line) as BuddyEvent);
    }
    if (done) break;
  }
}

export function useBuddyConversations(enabled: boolean) {
  return useQuery({
    queryKey: buddyKeys.conversations(),
    queryFn: () => unwrap(api.GET("/api/matching/conversations")),
    enabled,
  });
}

export function getBuddyConversation(id: string): Promise<BuddyConversationData> {
  return unwrap(api.GET("/api/matching/conversations/{id}", { params: { path: { id } } }));
}

export function useInvalidateBuddyConversations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: buddyKeys.conversations() });
}

export function useDeleteBuddyConversation() {
  const invalidate = useInvalidateBuddyConversations();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/matching/conversations/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useDeleteAllBuddyConversations() {
  const invalidate = useInvalidateBuddyConversations();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/matching/conversations")),
    onSuccess: invalidate,
  });
}
