import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { Task, UpdateTaskInput } from "./types";

export function updateTask(key: string, input: UpdateTaskInput): Promise<Task> {
  return apiRequest<Task>(`/api/project/tasks/${encodeURIComponent(key)}`, { method: "PATCH", json: input });
}

export function useUpdateTask(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTaskInput) => updateTask(key, input),
    // Task status feeds the phase progress and the "tasks done" KPI.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
        queryClient.invalidateQueries({ queryKey: projectKeys.kpis() }),
      ]);
    },
  });
}
