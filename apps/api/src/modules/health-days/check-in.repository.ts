import { healthDayCheckIn } from "@bgm/db";
import type { CheckInOutcome } from "@bgm/domain";
import { and, eq, sql } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

// The scans of a day's check-in. Every query names the organization as well as RLS does.

type Scope = Pick<TenantScope, "tx" | "orgId">;
export type CheckInRow = typeof healthDayCheckIn.$inferSelect;

/**
 * Claims the scan's nonce for the day: the row is written first (outcome still `invalid`) and decided
 * after, in the same transaction. A nonce already there — synced before, or by another phone's
 * transaction this one waited for — is not claimed (null): the caller answers the stored row.
 */
export async function claimNonce(
  s: Scope,
  v: { healthDayId: string; nonce: string; scannedAt: Date; receivedAt: Date; deviceId: string; scannedBy: string },
): Promise<CheckInRow | null> {
  const [row] = await s.tx
    .insert(healthDayCheckIn)
    .values({ ...v, orgId: s.orgId, outcome: "invalid" })
    .onConflictDoNothing({ target: [healthDayCheckIn.healthDayId, healthDayCheckIn.nonce] })
    .returning();
  return row ?? null;
}

export async function findByNonce(s: Scope, healthDayId: string, nonce: string): Promise<CheckInRow | null> {
  const [row] = await s.tx
    .select()
    .from(healthDayCheckIn)
    .where(and(eq(healthDayCheckIn.orgId, s.orgId), eq(healthDayCheckIn.healthDayId, healthDayId), eq(healthDayCheckIn.nonce, nonce)));
  return row ?? null;
}

export async function decide(
  s: Scope,
  id: string,
  v: { outcome: CheckInOutcome; slotId: string | null; participationId: string | null },
): Promise<CheckInRow> {
  const [row] = await s.tx
    .update(healthDayCheckIn)
    .set(v)
    .where(and(eq(healthDayCheckIn.orgId, s.orgId), eq(healthDayCheckIn.id, id)))
    .returning();
  if (!row) throw new Error("health_day_check_in update returned nothing");
  return row;
}

/** The day's scans per outcome (the live panel's duplicates and refusals). */
export async function countByOutcome(s: Scope, healthDayId: string): Promise<Map<CheckInOutcome, number>> {
  const rows = await s.tx
    .select({ outcome: healthDayCheckIn.outcome, n: sql<number>`count(*)::int` })
    .from(healthDayCheckIn)
    .where(and(eq(healthDayCheckIn.orgId, s.orgId), eq(healthDayCheckIn.healthDayId, healthDayId)))
    .groupBy(healthDayCheckIn.outcome);
  return new Map(rows.map((r) => [r.outcome, r.n]));
}
