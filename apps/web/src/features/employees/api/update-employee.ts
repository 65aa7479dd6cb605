import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { Employee, UpdateEmployeeInput } from "./types";
import { useInvalidateEmployees } from "./use-invalidate-employees";

export function updateEmployee(id: string, input: UpdateEmployeeInput): Promise<Employee> {
  return apiRequest<Employee>(`/api/employees/${encodeURIComponent(id)}`, { method: "PATCH", json: input });
}

export function useUpdateEmployee() {
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateEmployeeInput }) => updateEmployee(id, input),
    onSuccess: useInvalidateEmployees(),
  });
}
