import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { marketplaceKeys } from "./query-keys";
import type { SuggestionListResponse, SuggestionParams } from "./types";

export function getSuggestions(params: SuggestionParams): Promise<SuggestionListResponse> {
  return apiRequest<SuggestionListResponse>("/api/marketplace/suggestions", { query: { ...params } });
}

export function useSuggestions(params: SuggestionParams) {
  return useQuery({ queryKey: marketplaceKeys.suggestions(params), queryFn: () => getSuggestions(params) });
}
