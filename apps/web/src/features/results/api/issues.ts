import { localizeIssue } from "@bgm/domain";
import { ApiError } from "../../../lib/api-client";
import { currentLanguage } from "../../../lib/i18n";

export interface ResultIssue {
  path: (string | number)[];
  message: string;
}

/** The problems a 422 lists in `details.issues`; empty for any other error. */
export function resultIssues(error: unknown): ResultIssue[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue) => {
    const raw = (issue ?? {}) as { path?: unknown; message?: unknown; issue?: unknown; values?: unknown };
    if (typeof raw.message !== "string") return [];
    const parts = Array.isArray(raw.path)
      ? raw.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
      : [];
    // The server's English message, or the registry's text in the UI language when it names an entry.
    return [{ path: parts, message: localizeIssue({ message: raw.message, issue: raw.issue, values: raw.values }, currentLanguage()) }];
  });
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
