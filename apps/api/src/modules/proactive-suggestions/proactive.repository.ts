import type { Database } from "@bgm/db";
import { member, proactiveDigest, proactiveNotice, proactiveSuggestion, type Tx, user } from "@bgm/db";
import { and, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";

/** The SQL of proactive suggestions; every function but the digest's list runs in a tenant transaction. */

type Scope = { tx: Tx; orgId: string };
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Serializes the runs of one company (two jobs of the same trigger, or of two triggers at once): the second
 * waits for the first to commit and then sees its suggestions and its notice. Ends with the transaction.
 */
export async function lockCompany(s: Scope): Promise<void> {
  await s.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`proactive-suggestions:${s.orgId}`}))`);
}

/** Every offering ever suggested to the company, open or dismissed. */
export async function suggestedOfferingIds(s: Scope): Promise<Set<string>> {
  const rows = await s.tx
    .select({ offeringId: proactiveSuggestion.offeringId })
    .from(proactiveSuggestion)
    .where(eq(proactiveSuggestion.orgId, s.orgId));
  return new Set(rows.map((r) => r.offeringId));
}

/** Adds suggestions; an offering suggested before (even at the same moment, by a twin job) is skipped. Returns the added offering ids. */
export async function insertSuggestions(
  s: Scope,
  rows: { offeringId: string; topic: string; reasons: { kind: string; text: { de: string; en: string } }[]; score: number }[],
  now: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const added = await s.tx
    .insert(proactiveSuggestion)
    .values(rows.map((r) => ({ ...r, orgId: s.orgId, createdAt: now })))
    .onConflictDoNothing({ target: [proactiveSuggestion.orgId, proactiveSuggestion.offeringId] })
    .returning({ offeringId: proactiveSuggestion.offeringId });
  return new Set(added.map((r) => r.offeringId));
}

/** The latest notice of a topic after `since`, if any. */
export async function noticeSince(s: Scope, topic: string, since: Date) {
  const [row] = await s.tx
    .select()
    .from(proactiveNotice)
    .where(and(eq(proactiveNotice.orgId, s.orgId), eq(proactiveNotice.topic, topic), gt(proactiveNotice.sentAt, since)))
    .orderBy(desc(proactiveNotice.sentAt))
    .limit(1);
  return row ?? null;
}

export async function insertNotice(s: Scope, topic: string, suggestions: number, now: Date): Promise<void> {
  await s.tx.insert(proactiveNotice).values({ orgId: s.orgId, topic, suggestions, sentAt: now });
}

/** Open (not dismissed) suggestions, newest first; with `since`, only those made after it. */
export async function listOpen(s: Scope, since?: Date) {
  return s.tx
    .select()
    .from(proactiveSuggestion)
    .where(
      and(
        eq(proactiveSuggestion.orgId, s.orgId),
        isNull(proactiveSuggestion.dismissedAt),
        since ? gt(proactiveSuggestion.createdAt, since) : undefined,
      ),
    )
    .orderBy(desc(proactiveSuggestion.createdAt), desc(proactiveSuggestion.score));
}

export async function findSuggestion(s: Scope, id: string) {
  const [row] = await s.tx
    .select()
    .from(proactiveSuggestion)
    .where(and(eq(proactiveSuggestion.orgId, s.orgId), eq(proactiveSuggestion.id, id)));
  return row ?? null;
}

/** Marks a suggestion dismissed unless it already is; true when this call dismissed it. */
export async function dismiss(s: Scope, id: string, userId: string): Promise<boolean> {
  const rows = await s.tx
    .update(proactiveSuggestion)
    .set({ dismissedAt: new Date(), dismissedBy: userId })
    .where(and(eq(proactiveSuggestion.orgId, s.orgId), eq(proactiveSuggestion.id, id), isNull(proactiveSuggestion.dismissedAt)))
    .returning({ id: proactiveSuggestion.id });
  return rows.length > 0;
}

export async function findDigest(s: Scope, userId: string) {
  const [row] = await s.tx
    .select()
    .from(proactiveDigest)
    .where(and(eq(proactiveDigest.orgId, s.orgId), eq(proactiveDigest.userId, userId)));
  return row ?? null;
}

export async function upsertDigest(s: Scope, userId: string, enabled: boolean) {
  const [row] = await s.tx
    .insert(proactiveDigest)
    .values({ orgId: s.orgId, userId, enabled })
    .onConflictDoUpdate({ target: [proactiveDigest.orgId, proactiveDigest.userId], set: { enabled, updatedAt: new Date() } })
    .returning();
  return row!;
}

/**
 * The opt-ins whose digest is due (never ran, or last ran before `before`), across companies: read by the
 * digest job as the owner. Only managers still in the company's manager role count.
 */
export async function dueDigests(db: Database, before: Date, limit: number) {
  return db
    .select({ orgId: proactiveDigest.orgId, userId: proactiveDigest.userId, email: user.email })
    .from(proactiveDigest)
    .innerJoin(user, eq(user.id, proactiveDigest.userId))
    .innerJoin(member, and(eq(member.userId, proactiveDigest.userId), eq(member.organizationId, proactiveDigest.orgId)))
    .where(
      and(
        eq(proactiveDigest.enabled, true),
        eq(member.role, "bgm_manager"),
        or(isNull(proactiveDigest.lastRunAt), lte(proactiveDigest.lastRunAt, before)),
      ),
    )
    .limit(limit);
}

/**
 * Claims one manager's digest run (compare and set on `last_run_at`): a second worker, or the same job
 * run twice, finds it claimed and sends nothing. Returns when it ran before, or undefined if not due.
 */
export async function claimDigest(s: Scope, userId: string, before: Date, now: Date): Promise<{ previous: Date | null } | undefined> {
  const [prev] = await s.tx
    .select({ lastRunAt: proactiveDigest.lastRunAt })
    .from(proactiveDigest)
    .where(and(eq(proactiveDigest.orgId, s.orgId), eq(proactiveDigest.userId, userId)))
    .for("update");
  if (!prev) return undefined;
  const rows = await s.tx
    .update(proactiveDigest)
    .set({ lastRunAt: now })
    .where(
      and(
        eq(proactiveDigest.orgId, s.orgId),
        eq(proactiveDigest.userId, userId),
        eq(proactiveDigest.enabled, true),
        sql`(${proactiveDigest.lastRunAt} IS NULL OR ${proactiveDigest.lastRunAt} <= ${ts(before)})`,
      ),
    )
    .returning({ userId: proactiveDigest.userId });
  return rows.length > 0 ? { previous: prev.lastRunAt } : undefined;
}
