import { healthDayFeedback, healthDayFeedbackGiven } from "@bgm/db";
import { and, eq, inArray } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

// Anonymous feedback (ADR 0016). The answer and the marker of who answered are written apart and share
// nothing: no id, no time. Every query names the organization as well as row-level security does.

type Scope = Pick<TenantScope, "tx" | "orgId">;

/** Claims the person's one answer for a station; false when it was already given (the primary key). */
export async function claimAnswer(s: Scope, moduleId: string, employeeId: string): Promise<boolean> {
  const rows = await s.tx
    .insert(healthDayFeedbackGiven)
    .values({ orgId: s.orgId, moduleId, employeeId })
    .onConflictDoNothing()
    .returning({ moduleId: healthDayFeedbackGiven.moduleId });
  return rows.length === 1;
}

export async function insertAnswer(
  s: Scope,
  values: { healthDayId: string; moduleId: string; rating: number; comment: string | null },
): Promise<void> {
  await s.tx.insert(healthDayFeedback).values({ ...values, orgId: s.orgId });
}

/** The stations (of those given) for which the person has answered. */
export async function answeredModules(s: Scope, employeeId: string, moduleIds: readonly string[]): Promise<Set<string>> {
  if (moduleIds.length === 0) return new Set();
  const rows = await s.tx
    .select({ moduleId: healthDayFeedbackGiven.moduleId })
    .from(healthDayFeedbackGiven)
    .where(
      and(
        eq(healthDayFeedbackGiven.orgId, s.orgId),
        eq(healthDayFeedbackGiven.employeeId, employeeId),
        inArray(healthDayFeedbackGiven.moduleId, [...moduleIds]),
      ),
    );
  return new Set(rows.map((r) => r.moduleId));
}

/** The answers for the stations, for aggregation only. */
export async function answersOf(s: Scope, moduleIds: readonly string[]) {
  if (moduleIds.length === 0) return [];
  return s.tx
    .select({ moduleId: healthDayFeedback.moduleId, rating: healthDayFeedback.rating, comment: healthDayFeedback.comment })
    .from(healthDayFeedback)
    .where(and(eq(healthDayFeedback.orgId, s.orgId), inArray(healthDayFeedback.moduleId, [...moduleIds])));
}
