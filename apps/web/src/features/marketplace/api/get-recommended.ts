import type { RecommendedList } from "@bgm/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { eurosToCents } from "../../../lib/money";
import { marketplaceKeys } from "./query-keys";
import type { OfferingListParams } from "./types";

export type RecommendedListResponse = z.infer<typeof RecommendedList>;

/** The "Empfohlen" sort: the same filters, ranked by the partner matching for the signed-in company (issue 15). */
export function getRecommended(f: OfferingListParams): Promise<RecommendedListResponse> {
  return apiRequest<RecommendedListResponse>("/api/marketplace/recommended", {
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

export function useRecommended(params: OfferingListParams, enabled: boolean) {
  return useQuery({
    queryKey: [...marketplaceKeys.all, "recommended", params] as const,
    queryFn: () => getRecommended(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}
