import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { Goal, GoalListResponse } from "./types";

/** A bounded list: the API answers it whole (`nextCursor` is always null). */
export async function getGoals(): Promise<Goal[]> {
  return (await apiRequest<GoalListResponse>("/api/project/goals")).items;
}

export function useGoals() {
  return useQuery({ queryKey: projectKeys.goals(), queryFn: getGoals });
}
