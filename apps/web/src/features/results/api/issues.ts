import { localizeIssue } from "@bgm/domain";
import { ApiError, apiIssues } from "../../../lib/api-client";
import { currentLanguage } from "../../../lib/i18n";

export interface ResultIssue {
  path: (string | number)[];
  message: string;
}

/** The problems a 422 lists in `details.issues`, in the UI language where the registry names them; empty for any other error. */
export function resultIssues(error: unknown): ResultIssue[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const language = currentLanguage();
  return apiIssues(error).map((issue) => ({ path: issue.path, message: localizeIssue(issue, language) }));
}

/** Issue paths may be given from the request body (`payload.scales.0.n`) or from the payload itself. */
export function payloadPath(issue: ResultIssue): (string | number)[] | null {
  const [first, ...rest] = issue.path;
  if (first === "payload") return rest;
  if (first === "outputType" || first === "note" || first === "files") return null;
  return issue.path;
}

export function formatIssuePath(path: (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}
