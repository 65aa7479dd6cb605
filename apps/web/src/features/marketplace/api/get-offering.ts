import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";
import type { Offering } from "./types";

export function getOffering(id: string): Promise<Offering> {
  return unwrap(api.GET("/api/marketplace/offerings/{id}", { params: { path: { id } } }));
}

export function useOffering(id: string) {
  return useQuery({ queryKey: marketplaceKeys.offering(id), queryFn: () => getOffering(id) });
}
