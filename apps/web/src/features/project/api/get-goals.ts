import type { Goal, GoalList } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

/** A bounded list: the API answers it whole (`nextCursor` is always null). */
export async function getGoals(): Promise<Goal[]> {
  return (await apiRequest<z.infer<typeof GoalList>>("/api/project/goals")).items;
}

export function useGoals() {
  return useQuery({ queryKey: queryKeys.goals, queryFn: getGoals });
}
