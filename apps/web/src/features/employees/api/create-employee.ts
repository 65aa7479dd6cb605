import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { CreateEmployeeInput, Employee } from "./types";
import { useInvalidateEmployees } from "./use-invalidate-employees";

export function createEmployee(input: CreateEmployeeInput): Promise<Employee> {
  return apiRequest<Employee>("/api/employees", { method: "POST", json: input });
}

export function useCreateEmployee() {
  return useMutation({ mutationFn: createEmployee, onSuccess: useInvalidateEmployees() });
}
