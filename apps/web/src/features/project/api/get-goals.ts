import type { Goal } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getGoals(): Promise<Goal[]> {
  return apiRequest<Goal[]>("/api/project/goals");
}

export function useGoals() {
  return useQuery({ queryKey: queryKeys.goals, queryFn: getGoals });
}
