import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";

/** The provider behind an offering: public profile and its other published offerings (the detail page). */
export function getOfferingProvider(id: string) {
  return unwrap(api.GET("/api/marketplace/offerings/{id}/provider", { params: { path: { id } } }));
}

export function useOfferingProvider(id: string) {
  return useQuery({ queryKey: marketplaceKeys.offeringProvider(id), queryFn: () => getOfferingProvider(id) });
}

/** Why the offering fits the signed-in manager's company: the matching's reasons, as in "Empfohlen". */
export function getOfferingFit(id: string) {
  return unwrap(api.GET("/api/marketplace/offerings/{id}/fit", { params: { path: { id } } }));
}

export function useOfferingFit(id: string, enabled: boolean) {
  return useQuery({ queryKey: marketplaceKeys.offeringFit(id), queryFn: () => getOfferingFit(id), enabled });
}
