import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { dataSharingKeys } from "./query-keys";
import type { PartnerGrantsResponse } from "./types";

export function getPartnerGrants(engagementId: string): Promise<PartnerGrantsResponse> {
  return apiRequest<PartnerGrantsResponse>(`/api/partner/engagements/${encodeURIComponent(engagementId)}/grants`);
}

/** What the company granted on this engagement, as the partner sees it. */
export function usePartnerGrants(engagementId: string) {
  return useQuery({ queryKey: dataSharingKeys.partnerGrants(engagementId), queryFn: () => getPartnerGrants(engagementId), staleTime: 0 });
}
