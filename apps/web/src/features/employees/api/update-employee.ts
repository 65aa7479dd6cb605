import type { Employee } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export type UpdateEmployeeInput = Partial<Pick<Employee, "firstName" | "lastName" | "email" | "department" | "location" | "active">>;

export function updateEmployee(id: string, input: UpdateEmployeeInput): Promise<Employee> {
  return apiRequest<Employee>(`/api/employees/${encodeURIComponent(id)}`, { method: "PATCH", json: input });
}

export function useUpdateEmployee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateEmployeeInput }) => updateEmployee(id, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.employees }),
        queryClient.invalidateQueries({ queryKey: queryKeys.kpis }),
      ]);
    },
  });
}
