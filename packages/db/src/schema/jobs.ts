import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The durable job queue (ADR 0020): a row per job, claimed with `FOR UPDATE SKIP LOCKED` and a lease
 * (`locked_until`), so several API processes on one database never run one job at the same time and a
 * crashed worker's job is taken up again when its lease ends. Written by lib/jobs.ts only.
 */
export const job = pgTable(
  "job",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** The organization the job works for, if any (bookkeeping only; the worker runs as the owner). */
    orgId: text("org_id"),
    /** At most one open job per queue and key (a recurring job). */
    singletonKey: text("singleton_key"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_due_idx").on(t.runAt).where(sql`${t.doneAt} IS NULL AND ${t.failedAt} IS NULL`),
    uniqueIndex("job_singleton_idx").on(t.queue, t.singletonKey).where(sql`${t.doneAt} IS NULL AND ${t.failedAt} IS NULL`),
  ],
);
