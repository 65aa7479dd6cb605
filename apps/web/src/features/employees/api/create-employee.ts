import type { CreateEmployee, Employee } from "@bgm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function createEmployee(input: CreateEmployee): Promise<Employee> {
  return apiRequest<Employee>("/api/employees", { method: "POST", json: input });
}

export function useCreateEmployee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEmployee,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.employees }),
        queryClient.invalidateQueries({ queryKey: queryKeys.kpis }),
      ]);
    },
  });
}
