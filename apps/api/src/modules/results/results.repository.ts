import type { Database, Tx } from "@bgm/db";
import { partnerResult, partnerResultFile, partnerResultLanding, user } from "@bgm/db";
import { Timestamp } from "@bgm/domain";
import { and, asc, count, desc, eq, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { after, millis, orderBy, type SortKey } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";

export type ResultRow = typeof partnerResult.$inferSelect;
export type ResultFileRow = typeof partnerResultFile.$inferSelect;
export type LandingRow = typeof partnerResultLanding.$inferSelect;

type Scope = Pick<TenantScope, "tx" | "orgId" | "orgKind">;

/** Each query names the caller's side explicitly, on top of row-level security. */
const sideFilter = (s: Scope) => (s.orgKind === "company" ? eq(partnerResult.orgId, s.orgId) : eq(partnerResult.providerOrgId, s.orgId));

/** The caller's versions of one series (engagement, output type, series key) in one status. */
const seriesIn = (s: Scope, engagementId: string, outputType: string, seriesKey: string, status: string) =>
  and(
    sideFilter(s),
    eq(partnerResult.engagementId, engagementId),
    eq(partnerResult.outputType, outputType),
    eq(partnerResult.seriesKey, seriesKey),
    eq(partnerResult.status, status),
  );

const submitter = alias(user, "submitter");
const decider = alias(user, "decider");

export interface ResultWithNames {
  result: ResultRow;
  submittedByName: string | null;
  decidedByName: string | null;
}

/** The engagement's results waiting for the company's answer: the count each result event carries. */
export async function countPending(s: Scope, engagementId: string): Promise<number> {
  const [row] = await s.tx
    .select({ n: count() })
    .from(partnerResult)
    .where(and(sideFilter(s), eq(partnerResult.engagementId, engagementId), eq(partnerResult.status, "submitted")));
  return row?.n ?? 0;
}

export async function nextVersion(s: Scope, engagementId: string, outputType: string): Promise<number> {
  const [row] = await s.tx
    .select({ v: max(partnerResult.version) })
    .from(partnerResult)
    .where(and(sideFilter(s), eq(partnerResult.engagementId, engagementId), eq(partnerResult.outputType, outputType)));
  return (row?.v ?? 0) + 1;
}

/** Undecided earlier versions are replaced by a new upload; they never landed anywhere. */
export async function supersedePending(s: Scope, engagementId: string, outputType: string, seriesKey: string): Promise<number> {
  const rows = await s.tx
    .update(partnerResult)
    .set({ status: "superseded" })
    .where(seriesIn(s, engagementId, outputType, seriesKey, "submitted"))
    .returning({ id: partnerResult.id });
  return rows.length;
}

export async function insertResult(s: Scope, values: Omit<typeof partnerResult.$inferInsert, "id">): Promise<ResultRow> {
  const [row] = await s.tx.insert(partnerResult).values(values).returning();
  if (!row) throw new Error("result insert returned nothing");
  return row;
}

export async function insertFiles(s: Scope, rows: Omit<typeof partnerResultFile.$inferInsert, "id">[]): Promise<void> {
  if (rows.length > 0) await s.tx.insert(partnerResultFile).values(rows);
}

function withNames(s: Scope) {
  return s.tx
    .select({ result: partnerResult, submittedByName: submitter.name, decidedByName: decider.name })
    .from(partnerResult)
    .leftJoin(submitter, eq(submitter.id, partnerResult.submittedBy))
    .leftJoin(decider, eq(decider.id, partnerResult.decidedBy));
}

/** Newest submission first; versions of one submission moment by version, then id, so the order is total. */
const NEWEST_FIRST: SortKey[] = [
  { expr: millis(partnerResult.submittedAt), desc: true, cast: "timestamptz" },
  { expr: partnerResult.version, desc: true, cast: "integer" },
  { expr: partnerResult.id, desc: true, cast: "uuid" },
];
export const ResultCursor = z.tuple([Timestamp, z.number().int(), z.uuid()]);
export const resultCursorKey = (r: ResultWithNames) => [r.result.submittedAt.toISOString(), r.result.version, r.result.id] as const;

export async function listResults(
  s: Scope,
  engagementId: string,
  page: { after: z.output<typeof ResultCursor> | undefined; limit: number },
): Promise<ResultWithNames[]> {
  return withNames(s)
    .where(and(sideFilter(s), eq(partnerResult.engagementId, engagementId), after(NEWEST_FIRST, page.after)))
    .orderBy(...orderBy(NEWEST_FIRST))
    .limit(page.limit + 1);
}

export async function findResult(s: Scope, engagementId: string, id: string): Promise<ResultWithNames | null> {
  const [row] = await withNames(s).where(and(sideFilter(s), eq(partnerResult.engagementId, engagementId), eq(partnerResult.id, id)));
  return row ?? null;
}

export async function lockResult(s: Scope, engagementId: string, id: string): Promise<ResultRow | null> {
  const [row] = await s.tx
    .select()
    .from(partnerResult)
    .where(and(sideFilter(s), eq(partnerResult.engagementId, engagementId), eq(partnerResult.id, id)))
    .for("update");
  return row ?? null;
}

/** The accepted version of a type on an engagement other than `exceptId`: the one a new acceptance supersedes. */
export async function findAccepted(
  s: Scope,
  engagementId: string,
  outputType: string,
  seriesKey: string,
  exceptId: string,
): Promise<ResultRow | null> {
  const [row] = await s.tx
    .select()
    .from(partnerResult)
    .where(and(seriesIn(s, engagementId, outputType, seriesKey, "accepted"), sql`${partnerResult.id} <> ${exceptId}`))
    .for("update");
  return row ?? null;
}

export async function updateResult(s: Scope, id: string, patch: Partial<typeof partnerResult.$inferInsert>): Promise<void> {
  await s.tx
    .update(partnerResult)
    .set(patch)
    .where(and(sideFilter(s), eq(partnerResult.id, id)));
}

export async function listFiles(s: Scope, resultIds: string[]): Promise<ResultFileRow[]> {
  if (resultIds.length === 0) return [];
  return s.tx
    .select()
    .from(partnerResultFile)
    .where(
      and(
        inArray(partnerResultFile.resultId, resultIds),
        s.orgKind === "company" ? eq(partnerResultFile.orgId, s.orgId) : eq(partnerResultFile.providerOrgId, s.orgId),
      ),
    )
    .orderBy(asc(partnerResultFile.createdAt));
}

/**
 * The company's accepted results of one type with their source snapshots, newest decision first (at most
 * 50, or `limit`): the one read behind the analysis page, the insurer report and the survey data partners get.
 */
export async function listAcceptedOfType(
  s: Pick<Scope, "tx" | "orgId">,
  outputType: string,
  limit = 50,
): Promise<{ result: ResultRow; source: Record<string, unknown> }[]> {
  return s.tx
    .select({ result: partnerResult, source: partnerResultLanding.source })
    .from(partnerResult)
    .innerJoin(partnerResultLanding, eq(partnerResultLanding.resultId, partnerResult.id))
    .where(and(eq(partnerResult.orgId, s.orgId), eq(partnerResult.outputType, outputType), eq(partnerResult.status, "accepted")))
    .orderBy(desc(partnerResult.decidedAt), desc(partnerResult.submittedAt))
    .limit(limit);
}

/** The company's delivered results of one type still waiting for its review, oldest first. */
export async function listSubmittedOfType(s: Pick<Scope, "tx" | "orgId">, outputType: string, limit = 20): Promise<ResultRow[]> {
  return s.tx
    .select()
    .from(partnerResult)
    .where(and(eq(partnerResult.orgId, s.orgId), eq(partnerResult.outputType, outputType), eq(partnerResult.status, "submitted")))
    .orderBy(asc(partnerResult.submittedAt), asc(partnerResult.id))
    .limit(limit);
}

/** Records where an accepted result landed (company side only; row-level security enforces it). */
export async function saveLanding(s: Scope, row: Omit<typeof partnerResultLanding.$inferInsert, "landedAt">): Promise<void> {
  await s.tx
    .insert(partnerResultLanding)
    .values(row)
    .onConflictDoUpdate({ target: partnerResultLanding.resultId, set: { source: row.source, undo: row.undo, landedAt: new Date() } });
}

/** Removes and returns the landing record of a result, if it has one. */
export async function takeLanding(s: Scope, resultId: string): Promise<LandingRow | null> {
  const [row] = await s.tx
    .delete(partnerResultLanding)
    .where(and(eq(partnerResultLanding.orgId, s.orgId), eq(partnerResultLanding.resultId, resultId)))
    .returning();
  return row ?? null;
}

/** Oldest submission first; the id makes the order total, so the job can page through it. */
const OLDEST_FIRST: SortKey[] = [
  { expr: millis(partnerResult.submittedAt), cast: "timestamptz" },
  { expr: partnerResult.id, cast: "uuid" },
];
export type OverdueRow = Awaited<ReturnType<typeof listOverdue>>[number];
export const overdueKey = (r: OverdueRow) => [r.submittedAt.toISOString(), r.id] as const;

/**
 * Results waiting for the company's answer past a deadline, across all companies: the deadline
 * job's work list, one page of it. Runs as the owner (no tenant yet); each item is then handled in
 * its company's own transaction. Whether the engagement still runs is the job's question to the
 * engagements module (deadlines.ts).
 */
export async function listOverdue(
  db: Database | Tx,
  remindBefore: Date,
  acceptBefore: Date,
  page: { after: readonly [string, string] | undefined; limit: number },
) {
  return db
    .select({
      id: partnerResult.id,
      orgId: partnerResult.orgId,
      engagementId: partnerResult.engagementId,
      submittedAt: partnerResult.submittedAt,
      remindedAt: partnerResult.remindedAt,
    })
    .from(partnerResult)
    .where(
      and(
        eq(partnerResult.status, "submitted"),
        or(lt(partnerResult.submittedAt, acceptBefore), and(lt(partnerResult.submittedAt, remindBefore), isNull(partnerResult.remindedAt))),
        after(OLDEST_FIRST, page.after),
      ),
    )
    .orderBy(...orderBy(OLDEST_FIRST))
    .limit(page.limit);
}
