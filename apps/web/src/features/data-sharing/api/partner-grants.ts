import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { dataSharingKeys } from "./query-keys";
import type { PartnerGrantsResponse } from "./types";

export async function getPartnerGrants(engagementId: string): Promise<PartnerGrantsResponse> {
  // openapi-fetch drops a property typed exactly `null` from answers (its Readable<> helper); this whole list
  // always answers `nextCursor: null` (see the API reference), so the type says so again.
  return {
    ...(await unwrap(api.GET("/api/partner/engagements/{id}/grants", { params: { path: { id: engagementId } } }))),
    nextCursor: null,
  };
}

/** What the company granted on this engagement, as the partner sees it. */
export function usePartnerGrants(engagementId: string) {
  return useQuery({ queryKey: dataSharingKeys.partnerGrants(engagementId), queryFn: () => getPartnerGrants(engagementId), staleTime: 0 });
}
