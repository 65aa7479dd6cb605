import type { CreatedWebhookEndpoint, WebhookAttempt, WebhookEndpoint, WebhookTestSent } from "@bgm/domain";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../lib/api-client";
import { type CursorPage, firstCursor, nextCursorOf } from "../../lib/cursor-pages";

// The contract's own types (packages/domain), not a copy that could drift from the routes.
export type WebhookEndpointItem = z.infer<typeof WebhookEndpoint>;
export type WithSecret = z.infer<typeof CreatedWebhookEndpoint>;
export type WebhookAttemptItem = z.infer<typeof WebhookAttempt>;
type TestSent = z.infer<typeof WebhookTestSent>;

const keys = {
  all: ["webhooks"] as const,
  endpoints: () => [...keys.all, "endpoints"] as const,
  attempts: (id: string) => [...keys.all, "attempts", id] as const,
};
const base = "/api/provider/webhooks";
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function useWebhookEndpoints() {
  return useInfiniteQuery({
    queryKey: keys.endpoints(),
    queryFn: ({ pageParam }) => apiRequest<CursorPage<WebhookEndpointItem>>(base, { query: { cursor: pageParam } }),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}

export function useWebhookAttempts(id: string) {
  return useInfiniteQuery({
    queryKey: keys.attempts(id),
    queryFn: ({ pageParam }) =>
      apiRequest<CursorPage<WebhookAttemptItem>>(`${one(id)}/deliveries`, { query: { cursor: pageParam, limit: 20 } }),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateWebhook = () =>
  useInvalidating((input: { url: string; events: string[]; description: string }) =>
    apiRequest<WithSecret>(base, { method: "POST", json: input }),
  );
export const useUpdateWebhook = () =>
  useInvalidating(({ id, ...input }: { id: string; status?: "active" | "disabled" }) =>
    apiRequest<WebhookEndpointItem>(one(id), { method: "PATCH", json: input }),
  );
export const useDeleteWebhook = () => useInvalidating((id: string) => apiRequest<WebhookEndpointItem>(one(id), { method: "DELETE" }));
export const useRotateWebhookSecret = () =>
  useInvalidating((id: string) => apiRequest<WithSecret>(`${one(id)}/rotate-secret`, { method: "POST", json: { overlapHours: 24 } }));
export const useSendTestEvent = () => useInvalidating((id: string) => apiRequest<TestSent>(`${one(id)}/test`, { method: "POST" }));
