import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../lib/api-client";
import { type CursorPage, firstCursor, nextCursorOf } from "../../lib/cursor-pages";

export interface WebhookEndpointItem {
  id: string;
  url: string;
  description: string;
  events: string[];
  status: "active" | "disabled";
  disabledReason: string | null;
  previousSecretUntil: string | null;
  createdAt: string;
  updatedAt: string;
}
export type WithSecret = WebhookEndpointItem & { secret: string };

export interface WebhookAttemptItem {
  id: string;
  deliveryId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  nextAttemptAt: string | null;
  deliveryStatus: string;
  at: string;
}

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
export const useSendTestEvent = () =>
  useInvalidating((id: string) => apiRequest<{ deliveryId: string; eventId: string }>(`${one(id)}/test`, { method: "POST" }));
