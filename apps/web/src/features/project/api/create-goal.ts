import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { CreateGoalInput, Goal } from "./types";

export function createGoal(input: CreateGoalInput): Promise<Goal> {
  return apiRequest<Goal>("/api/project/goals", { method: "POST", json: input });
}

export function useCreateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGoal,
    // Goals live under the project key too (project.goals) and feed the "active goals" KPI.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
        queryClient.invalidateQueries({ queryKey: projectKeys.kpis() }),
      ]);
    },
  });
}
