import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { marketplaceKeys } from "./query-keys";
import type { Offering } from "./types";

export function getOffering(id: string): Promise<Offering> {
  return apiRequest<Offering>(`/api/marketplace/offerings/${encodeURIComponent(id)}`);
}

export function useOffering(id: string) {
  return useQuery({ queryKey: marketplaceKeys.offering(id), queryFn: () => getOffering(id) });
}
