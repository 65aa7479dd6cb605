import { localizeIssue } from "@bgm/domain";
import { ApiError, apiIssues } from "../../../lib/api-client";
import i18n, { currentLanguage } from "../../../lib/i18n";
import { issueText } from "../components/issue-text";

export interface ResultIssue {
  path: (string | number)[];
  /** The field by its form labels ("Skalen › Burnout › Anzahl gültiger Antworten (n)"); null for the whole payload or a non-payload part. */
  field: string | null;
  message: string;
}

/**
 * The problems a 422 lists in `details.issues`, in the UI language (issue-text.ts): payload problems
 * name their field by its label; empty for any other error. `payload` is what was sent, for the
 * headings of list entries.
 */
export function resultIssues(error: unknown, payload?: unknown): ResultIssue[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const language = currentLanguage();
  return apiIssues(error).map((issue) => {
    const [first, ...rest] = issue.path;
    if (first !== "payload") {
      const part =
        first === "files"
          ? i18n.t("results.files")
          : first === "note"
            ? i18n.t("results.upload.note")
            : first === "outputType"
              ? i18n.t("results.upload.outputType")
              : null;
      return { path: issue.path, field: part, message: localizeIssue(issue, language) };
    }
    const { field, text } = issueText({ ...issue, path: rest }, payload, i18n.t, language);
    return { path: issue.path, field, message: text };
  });
}

/** Issue paths may be given from the request body (`payload.scales.0.n`) or from the payload itself. */
export function payloadPath(issue: ResultIssue): (string | number)[] | null {
  const [first, ...rest] = issue.path;
  if (first === "payload") return rest;
  if (first === "outputType" || first === "note" || first === "files") return null;
  return issue.path;
}
