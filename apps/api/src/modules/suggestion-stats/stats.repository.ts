import { type Database, suggestionEvent, suggestionStat } from "@bgm/db";
import { type AnyColumn, and, eq, gte, sql } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";
import type { StatAtom } from "./disclosure.js";

const bits = (column: AnyColumn) => sql<number>`bit_count(bit_or(${column})::bit(64))::int`;

/** Adds the provider's inbox of counted actions to its daily counters (migration 0033). */
export async function foldInbox(scope: Pick<TenantScope, "tx">): Promise<void> {
  await scope.tx.execute(sql`select suggestion_stat_fold()`);
}

/**
 * The providers with anything in the inbox (the fold job's work list), read on the job's own connection
 * across providers: organization ids only.
 */
export async function providersWithEvents(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: suggestionEvent.orgId }).from(suggestionEvent);
  return rows.map((r) => r.orgId);
}

/** The provider's counters since `from`, summed per offering, week (Monday) and need; sketches OR-ed per week. */
export async function weeklyAtoms(scope: Pick<TenantScope, "tx" | "orgId">, from: string): Promise<StatAtom[]> {
  const week = sql<string>`to_char(date_trunc('week', ${suggestionStat.day}), 'YYYY-MM-DD')`;
  return scope.tx
    .select({
      offeringId: suggestionStat.offeringId,
      week,
      needKind: suggestionStat.needKind,
      suggested: sql<number>`sum(${suggestionStat.suggested})::int`,
      opened: sql<number>`sum(${suggestionStat.opened})::int`,
      requested: sql<number>`sum(${suggestionStat.requested})::int`,
      suggestedBits: bits(suggestionStat.suggestedCompanies),
      openedBits: bits(suggestionStat.openedCompanies),
      requestedBits: bits(suggestionStat.requestedCompanies),
    })
    .from(suggestionStat)
    .where(and(eq(suggestionStat.orgId, scope.orgId), gte(suggestionStat.day, from)))
    .groupBy(suggestionStat.offeringId, week, suggestionStat.needKind);
}
