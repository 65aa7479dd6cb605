import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { dataSharingKeys } from "./query-keys";
import type { ApiKeyItem, ApiKeyListResponse, CreateApiKeyInput, CreatedApiKeyResponse } from "./types";

export function getApiKeys(cursor?: string): Promise<ApiKeyListResponse> {
  return unwrap(api.GET("/api/provider/api-keys", { params: { query: { cursor } } }));
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
  return unwrap(api.POST("/api/provider/api-keys", { body: input }));
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.apiKeys() }),
  });
}

export function revokeApiKey(id: string): Promise<ApiKeyItem> {
  return unwrap(api.POST("/api/provider/api-keys/{id}/revoke", { params: { path: { id } } }));
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.apiKeys() }),
  });
}
