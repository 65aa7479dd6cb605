import type { Offering } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { marketplaceKeys } from "./query-keys";

export function getOwnOfferings(): Promise<Offering[]> {
  return apiRequest<Offering[]>("/api/provider/offerings");
}

export function useOwnOfferings() {
  return useQuery({ queryKey: marketplaceKeys.ownOfferings, queryFn: getOwnOfferings });
}
