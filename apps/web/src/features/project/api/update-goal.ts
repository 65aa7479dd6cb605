import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { Goal, UpdateGoalInput } from "./types";

export function updateGoal(id: string, input: UpdateGoalInput): Promise<Goal> {
  return apiRequest<Goal>(`/api/project/goals/${encodeURIComponent(id)}`, { method: "PATCH", json: input });
}

export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateGoalInput }) => updateGoal(id, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
        queryClient.invalidateQueries({ queryKey: projectKeys.kpis() }),
      ]);
    },
  });
}
