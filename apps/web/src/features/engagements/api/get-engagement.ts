import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { engagementKeys } from "./query-keys";
import type { EngagementDetail } from "./types";

export function getEngagement(id: string): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}`);
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: engagementKeys.detail(id), queryFn: () => getEngagement(id) });
}
