import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { dataSharingKeys } from "./query-keys";
import type { ApiKeyItem, ApiKeyListResponse, CreateApiKeyInput, CreatedApiKeyResponse } from "./types";

export function getApiKeys(cursor?: string): Promise<ApiKeyListResponse> {
  return apiRequest<ApiKeyListResponse>("/api/provider/api-keys", { query: { cursor } });
}

export function useApiKeys() {
  return useInfiniteQuery({
    queryKey: dataSharingKeys.apiKeys(),
    queryFn: ({ pageParam }) => getApiKeys(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}

export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKeyResponse> {
  return apiRequest<CreatedApiKeyResponse>("/api/provider/api-keys", { method: "POST", json: input });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.apiKeys() }),
  });
}

export function revokeApiKey(id: string): Promise<ApiKeyItem> {
  return apiRequest<ApiKeyItem>(`/api/provider/api-keys/${encodeURIComponent(id)}/revoke`, { method: "POST" });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.apiKeys() }),
  });
}
