import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";

export function getOfferingStats(weeks: number) {
  return unwrap(api.GET("/api/provider/offerings/stats", { params: { query: { weeks } } }));
}

/** How often the partner's own offerings were suggested, opened and requested (aggregates over ≥ 5 companies). */
export function useOfferingStats(weeks = 12) {
  return useQuery({ queryKey: marketplaceKeys.offeringStats(weeks), queryFn: () => getOfferingStats(weeks) });
}
