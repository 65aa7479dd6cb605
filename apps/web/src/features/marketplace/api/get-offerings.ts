import type { paths } from "@bgm/api-client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { eurosToCents } from "../../../lib/money";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";
import type { OfferingListParams, OfferingListResponse } from "./types";

type DiscoveryQuery = NonNullable<paths["/api/marketplace/offerings"]["get"]["parameters"]["query"]>;

export function getOfferings(f: OfferingListParams): Promise<OfferingListResponse> {
  return unwrap(
    api.GET("/api/marketplace/offerings", {
      params: {
        query: {
          q: f.q,
          category: (f.category || undefined) as DiscoveryQuery["category"],
          certification: f.certification,
          deliveryMode: (f.deliveryMode || undefined) as DiscoveryQuery["deliveryMode"],
          priceMin: f.priceMin === null ? undefined : eurosToCents(f.priceMin),
          priceMax: f.priceMax === null ? undefined : eurosToCents(f.priceMax),
          phase: f.phase ? Number(f.phase) : undefined,
          region: f.region,
          cursor: f.cursor,
          limit: f.limit,
        },
      },
    }),
  );
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
