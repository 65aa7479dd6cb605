import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../../../lib/query-keys";
import { getEmployees } from "../../employees/api/get-employees";

/**
 * The company's active employees, to prefill "how many employees" in a quote request. The employee
 * list's total is the count (one row fetched); null while loading or if it cannot be read.
 */
export function useActiveEmployeeCount(): number | null {
  const query = useQuery({
    // Under the employees prefix, so an import or an edit there refreshes the count too.
    queryKey: [...queryKeys.employees, "active-count"],
    queryFn: () => getEmployees({ q: "", department: "", active: "true", cursor: undefined, limit: 1 }),
    select: (list) => list.total,
    staleTime: 60_000,
    retry: false,
  });
  return query.data && query.data > 0 ? query.data : null;
}
