import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";
import type { SuggestionListResponse, SuggestionParams } from "./types";

export async function getSuggestions({ preferFunded, ...params }: SuggestionParams): Promise<SuggestionListResponse> {
  const query = { ...params, preferFunded: preferFunded === undefined ? undefined : preferFunded ? ("true" as const) : ("false" as const) };
  // openapi-fetch drops a property typed exactly `null` from answers (its Readable<> helper); this whole list
  // always answers `nextCursor: null` (see the API reference), so the type says so again.
  return { ...(await unwrap(api.GET("/api/marketplace/suggestions", { params: { query } }))), nextCursor: null };
}

export function useSuggestions(params: SuggestionParams) {
  return useQuery({ queryKey: marketplaceKeys.suggestions(params), queryFn: () => getSuggestions(params) });
}
