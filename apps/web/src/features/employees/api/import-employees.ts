import { FILE_TYPES } from "@bgm/domain";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { ImportResultResponse } from "./types";
import { useInvalidateEmployees } from "./use-invalidate-employees";

/**
 * The API reads the file itself (CSV in any encoding Excel writes, or XLSX, told apart by its bytes);
 * we send the bytes untouched. A string is sent as UTF-8 CSV.
 */
export function importEmployees(file: Blob | string): Promise<ImportResultResponse> {
  const isXlsx = typeof file !== "string" && (file.type === FILE_TYPES.xlsx || (file instanceof File && /\.xlsx$/i.test(file.name)));
  return apiRequest<ImportResultResponse>("/api/employees/import", {
    method: "POST",
    body: file,
    headers: { "Content-Type": isXlsx ? FILE_TYPES.xlsx : "text/csv" },
  });
}

export function useImportEmployees() {
  return useMutation({ mutationFn: importEmployees, onSuccess: useInvalidateEmployees() });
}
