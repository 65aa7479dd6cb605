import type { PartnerGrantList } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { dataSharingKeys } from "./query-keys";

export type PartnerGrantsResponse = z.infer<typeof PartnerGrantList>;

export function getPartnerGrants(engagementId: string): Promise<PartnerGrantsResponse> {
  return apiRequest<PartnerGrantsResponse>(`/api/partner/engagements/${encodeURIComponent(engagementId)}/grants`);
}

/** What the company granted on this engagement, as the partner sees it. */
export function usePartnerGrants(engagementId: string) {
  return useQuery({ queryKey: dataSharingKeys.partnerGrants(engagementId), queryFn: () => getPartnerGrants(engagementId), staleTime: 0 });
}
