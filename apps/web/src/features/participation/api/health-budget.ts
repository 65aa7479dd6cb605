import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { participationKeys } from "./query-keys";
import type { HealthBudgetResponse } from "./types";

/** The tax-free health budget (§3 Nr. 34 EStG) of one calendar year; with names, for the manager only. */
export function getHealthBudget(year: number): Promise<HealthBudgetResponse> {
  return apiRequest<HealthBudgetResponse>("/api/participation/health-budget", { query: { year } });
}

export function useHealthBudget(year: number) {
  return useQuery({
    queryKey: participationKeys.healthBudget(year),
    queryFn: () => getHealthBudget(year),
    placeholderData: keepPreviousData,
  });
}
