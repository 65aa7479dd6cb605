import type { SuggestionList } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { marketplaceKeys } from "./query-keys";

export interface SuggestionParams {
  phase: number;
  taskKey?: string;
  limit?: number;
}

export function getSuggestions(params: SuggestionParams): Promise<z.infer<typeof SuggestionList>> {
  return apiRequest("/api/marketplace/suggestions", { query: { ...params } });
}

export function useSuggestions(params: SuggestionParams) {
  return useQuery({ queryKey: [...marketplaceKeys.suggestions, params], queryFn: () => getSuggestions(params) });
}
