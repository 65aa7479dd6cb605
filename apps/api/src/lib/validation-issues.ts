import type { ValidationIssue } from "@bgm/domain";

type Segment = string | number;

/** "/scales/0/mean" → ["scales", 0, "mean"]: array indexes as numbers, as in the payload itself. */
export function pointerToPath(pointer: string): Segment[] {
  return pointer
    .split("/")
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg.replace(/~1/g, "/").replace(/~0/g, "~")));
}

/** Zod's own paths may hold symbols (never in JSON input, but typed so). */
export function zodPath(path: readonly PropertyKey[]): Segment[] {
  return path.map((p) => (typeof p === "symbol" ? String(p) : p));
}

export function issue(part: ValidationIssue["in"], path: Segment[], code: string, message: string): ValidationIssue {
  return { in: part, path, code, message };
}
