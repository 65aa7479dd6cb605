import { useQueryClient } from "@tanstack/react-query";
import { projectKeys } from "../../project";
import { employeeKeys } from "./query-keys";

/** Any change to the employees refreshes their lists and counts and the KPI cards that count them. */
export function useInvalidateEmployees(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: employeeKeys.all }),
      queryClient.invalidateQueries({ queryKey: projectKeys.kpis() }),
    ]);
  };
}
