import type { TFunction } from "i18next";
import { formatBytes } from "../../../lib/format";

/** Problems the server would answer with 413 or 422, found before the upload starts. */
export function fileProblems(files: File[], fileTypes: string[], required: boolean, maxFileBytes: number, t: TFunction) {
  const problems: string[] = [];
  if (required && files.length === 0) problems.push(t("results.upload.fileMissing"));
  for (const file of files) {
    if (!fileTypes.includes(file.type)) problems.push(t("results.upload.fileWrongType", { name: file.name }));
    if (file.size > maxFileBytes) problems.push(t("results.upload.fileTooLarge", { name: file.name, size: formatBytes(maxFileBytes) }));
  }
  return problems;
}
