import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { KpiDashboardResponse } from "../../../lib/api-types";
import { queryKeys } from "../../../lib/query-keys";

export function getKpis(): Promise<KpiDashboardResponse> {
  return apiRequest<KpiDashboardResponse>("/api/kpis");
}

export function useKpis() {
  return useQuery({ queryKey: queryKeys.kpis, queryFn: getKpis });
}
