import { EmployeeImportErrorCode, EmployeeImportField } from "@bgm/domain";
import type { TFunction } from "i18next";
import { apiIssues, isApiError } from "../../../lib/api-client";
import type { CsvRowErrorItem } from "../api/types";

/** A refused file's problems: `details.issues` of the 422, with `path` = [line, field?] into the file. */
export function importRowErrors(error: unknown): CsvRowErrorItem[] | null {
  if (!isApiError(error, 422)) return null;
  const issues = apiIssues(error);
  if (issues.length === 0) return null;
  return issues.map(({ path: [row, field], code, message, values }) => {
    const knownField = EmployeeImportField.safeParse(field);
    const knownCode = EmployeeImportErrorCode.safeParse(code);
    return {
      row: typeof row === "number" ? row : 0,
      ...(knownField.success ? { field: knownField.data } : {}),
      // An unknown code (a newer API) keeps the API's English message.
      code: knownCode.success ? knownCode.data : "invalid_value",
      message: knownCode.success ? "" : message,
      ...(values && typeof values === "object" ? { values: values as CsvRowErrorItem["values"] } : {}),
    };
  });
}

/** The column's name as the import template and the employee form call it. */
export function importFieldLabel(field: CsvRowErrorItem["field"], t: TFunction): string {
  return field ? t(`employees.${field}`) : "–";
}

/** One problem as a sentence in the UI language; the field is named in its own column. */
export function importErrorText(error: CsvRowErrorItem, t: TFunction): string {
  if (error.message) return error.message;
  return t(`employees.import.errors.${error.code}`, { ...error.values, field: importFieldLabel(error.field, t) });
}
