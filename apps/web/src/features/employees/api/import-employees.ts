import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { ImportResultResponse } from "../../../lib/api-types";
import { queryKeys } from "../../../lib/query-keys";

/** The API parses the CSV itself (BOM, `;`, quoting); we send the file's text untouched. */
export function importEmployees(csvText: string): Promise<ImportResultResponse> {
  return apiRequest<ImportResultResponse>("/api/employees/import", {
    method: "POST",
    body: csvText,
    headers: { "Content-Type": "text/csv" },
  });
}

export function useImportEmployees() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importEmployees,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.employees }),
        queryClient.invalidateQueries({ queryKey: queryKeys.kpis }),
      ]);
    },
  });
}
