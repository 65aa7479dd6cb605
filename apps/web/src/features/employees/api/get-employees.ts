import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { EmployeeListResponse } from "../../../lib/api-types";
import { queryKeys } from "../../../lib/query-keys";

export interface EmployeeListParams {
  q: string;
  department: string;
  active: "true" | "false" | "all";
  /** The previous page's `nextCursor`; undefined = first page. */
  cursor: string | undefined;
  limit: number;
}

export function getEmployees(params: EmployeeListParams): Promise<EmployeeListResponse> {
  return apiRequest<EmployeeListResponse>("/api/employees", { query: { ...params } });
}

export function useEmployees(params: EmployeeListParams) {
  return useQuery({
    queryKey: [...queryKeys.employees, params],
    queryFn: () => getEmployees(params),
    // Keep the table on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
