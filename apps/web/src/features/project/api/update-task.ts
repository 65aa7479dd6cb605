import type { Task, TaskStatus } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export interface UpdateTaskInput {
  status?: TaskStatus;
  ownerUserId?: string | null;
  dueDate?: string | null;
  notes?: string;
  details?: { agreementDate?: string | null; documentId?: string | null };
}

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
        queryClient.invalidateQueries({ queryKey: queryKeys.project }),
        queryClient.invalidateQueries({ queryKey: queryKeys.kpis }),
      ]);
    },
  });
}
