import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { ImportResultResponse } from "./types";
import { useInvalidateEmployees } from "./use-invalidate-employees";

/** The API parses the CSV itself (BOM, `;`, quoting); we send the file's text untouched. */
export function importEmployees(csvText: string): Promise<ImportResultResponse> {
  return apiRequest<ImportResultResponse>("/api/employees/import", {
    method: "POST",
    body: csvText,
    headers: { "Content-Type": "text/csv" },
  });
}

export function useImportEmployees() {
  return useMutation({ mutationFn: importEmployees, onSuccess: useInvalidateEmployees() });
}
