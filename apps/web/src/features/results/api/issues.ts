import { ApiError } from "../../../lib/api-client";

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
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    if (typeof message !== "string") return [];
    const parts = Array.isArray(path) ? path.filter((p): p is string | number => typeof p === "string" || typeof p === "number") : [];
    return [{ path: parts, message }];
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
