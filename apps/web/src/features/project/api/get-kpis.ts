import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { KpiDashboardResponse } from "./types";

export function getKpis(): Promise<KpiDashboardResponse> {
  return apiRequest<KpiDashboardResponse>("/api/kpis");
}

export function useKpis() {
  return useQuery({ queryKey: projectKeys.kpis(), queryFn: getKpis });
}
