import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { dataSharingKeys } from "./query-keys";
import type { ApiKeyItem, CreatedApiKeyResponse } from "./types";

export interface CreateApiKeyInput {
  name: string;
  expiresAt?: string;
}

export function getApiKeys(): Promise<{ items: ApiKeyItem[] }> {
  return apiRequest<{ items: ApiKeyItem[] }>("/api/provider/api-keys");
}

export function useApiKeys() {
  return useQuery({ queryKey: dataSharingKeys.apiKeys, queryFn: getApiKeys });
}

export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKeyResponse> {
  return apiRequest<CreatedApiKeyResponse>("/api/provider/api-keys", { method: "POST", json: input });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.apiKeys }),
  });
}

export function revokeApiKey(id: string): Promise<ApiKeyItem> {
  return apiRequest<ApiKeyItem>(`/api/provider/api-keys/${encodeURIComponent(id)}/revoke`, { method: "POST" });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.apiKeys }),
  });
}
