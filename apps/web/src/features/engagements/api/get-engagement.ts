import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { engagementKeys } from "./query-keys";
import type { EngagementDetail } from "./types";

export function getEngagement(id: string): Promise<EngagementDetail> {
  return unwrap(api.GET("/api/engagements/{id}", { params: { path: { id } } }));
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: engagementKeys.detail(id), queryFn: () => getEngagement(id) });
}
