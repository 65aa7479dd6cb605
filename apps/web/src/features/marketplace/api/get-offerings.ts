import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { eurosToCents } from "../../../lib/money";
import { marketplaceKeys } from "./query-keys";
import type { OfferingListParams, OfferingListResponse } from "./types";

export function getOfferings(f: OfferingListParams): Promise<OfferingListResponse> {
  return apiRequest<OfferingListResponse>("/api/marketplace/offerings", {
    query: {
      q: f.q,
      category: f.category,
      certification: f.certification,
      deliveryMode: f.deliveryMode,
      priceMin: f.priceMin === null ? undefined : eurosToCents(f.priceMin),
      priceMax: f.priceMax === null ? undefined : eurosToCents(f.priceMax),
      phase: f.phase,
      region: f.region,
      cursor: f.cursor,
      limit: f.limit,
    },
  });
}

export function useOfferings(params: OfferingListParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: marketplaceKeys.offeringList(params),
    queryFn: () => getOfferings(params),
    // Keep the results on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
