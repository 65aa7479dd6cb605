import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { employeeKeys } from "./query-keys";
import type { EmployeeListParams, EmployeeListResponse } from "./types";

export function getEmployees(params: EmployeeListParams): Promise<EmployeeListResponse> {
  return apiRequest<EmployeeListResponse>("/api/employees", { query: { ...params } });
}

export function useEmployees(params: EmployeeListParams) {
  return useQuery({
    queryKey: employeeKeys.list(params),
    queryFn: () => getEmployees(params),
    // Keep the table on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

/**
 * The company's active employees, to prefill "how many employees" in a quote request. The employee
 * list's total is the count (one row fetched); null while loading or if it cannot be read.
 */
export function useActiveEmployeeCount(): number | null {
  const query = useQuery({
    // Under the employees prefix, so an import or an edit there refreshes the count too.
    queryKey: employeeKeys.activeCount(),
    queryFn: () => getEmployees({ q: "", department: "", active: "true", cursor: undefined, limit: 1 }),
    select: (list) => list.total,
    staleTime: 60_000,
    retry: false,
  });
  return query.data && query.data > 0 ? query.data : null;
}
