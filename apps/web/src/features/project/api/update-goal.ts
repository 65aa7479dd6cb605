import type { Goal } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export interface UpdateGoalInput {
  title?: string;
  target?: string;
  dueDate?: string | null;
  status?: Goal["status"];
}

export function updateGoal(id: string, input: UpdateGoalInput): Promise<Goal> {
  return apiRequest<Goal>(`/api/project/goals/${encodeURIComponent(id)}`, { method: "PATCH", json: input });
}

export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateGoalInput }) => updateGoal(id, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.project }),
        queryClient.invalidateQueries({ queryKey: queryKeys.kpis }),
      ]);
    },
  });
}
