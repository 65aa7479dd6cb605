import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { eurosToCents } from "../../../lib/money";
import { marketplaceKeys } from "./query-keys";
import type { OfferingListResponse } from "./types";

export interface OfferingFilters {
  q: string;
  category: string;
  certification: string;
  deliveryMode: string;
  /** Whole euros as typed; sent as cents. */
  priceMin: number | null;
  priceMax: number | null;
  phase: string;
  region: string;
  /** The previous page's `nextCursor`; undefined = first page. */
  cursor: string | undefined;
  limit: number;
}

export function getOfferings(f: OfferingFilters): Promise<OfferingListResponse> {
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

export function useOfferings(filters: OfferingFilters) {
  return useQuery({
    queryKey: [...marketplaceKeys.offerings, filters],
    queryFn: () => getOfferings(filters),
    // Keep the results on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
