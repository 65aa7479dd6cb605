import { PARTICIPATION_STATUSES, type ParticipationStatusKey } from "@bgm/domain";

/** Statuses of people the session expects: the denominator of "28/32 teilgenommen". */
const COUNTED = new Set<ParticipationStatusKey>(PARTICIPATION_STATUSES.filter((s) => s.counted).map((s) => s.key));

export interface AttendanceSummary {
  attended: number;
  expected: number;
  /** attended / expected; null while nobody is expected. */
  rate: number | null;
}

/** The summary line of an attendance list, as the API computes it: attended of everyone expected. */
export function summarize(rows: readonly { status: ParticipationStatusKey }[]): AttendanceSummary {
  const expected = rows.filter((r) => COUNTED.has(r.status)).length;
  const attended = rows.filter((r) => r.status === "attended").length;
  return { attended, expected, rate: expected === 0 ? null : attended / expected };
}

/**
 * The list after marking people (an optimistic update before the server answers): only people who hold a
 * place can be marked; waitlisted and cancelled rows stay as they are.
 */
export function withStatus<R extends { employeeId: string; status: ParticipationStatusKey }>(
  rows: readonly R[],
  employeeIds: ReadonlySet<string>,
  status: "attended" | "no_show" | "registered",
): R[] {
  return rows.map((r) => (employeeIds.has(r.employeeId) && COUNTED.has(r.status) ? { ...r, status } : r));
}
