import { randomUUID } from "node:crypto";
import { type Database, job, type Tx } from "@bgm/db";
import { sql } from "drizzle-orm";

/**
 * The durable job queue (ADR 0020): jobs are rows of the `job` table, added in the caller's transaction
 * (so a job exists exactly when the change that asked for it committed) and worked off by a loop in every
 * API process. A worker claims due jobs with `FOR UPDATE SKIP LOCKED` and a lease: two processes on one
 * database never take the same job, and a job whose worker died is taken again when its lease ends.
 * Failures are retried with exponential backoff (or the queue's own schedule) up to `maxAttempts`.
 * The same SQL runs on PGlite and on a PostgreSQL server; no pg socket or LISTEN needed.
 */

export interface JobContext<P = Record<string, unknown>> {
  id: string;
  queue: string;
  payload: P;
  /** This try, counting from 1. */
  attempt: number;
  maxAttempts: number;
  /** The worker's clock at the claim. */
  now: Date;
  /** When the job runs again if this try throws; null on the last try. */
  retryAt: Date | null;
}

export interface QueueOptions {
  /** Delay before try n+1 after try n failed (n from 1); default exponential from 10 s, at most 1 h. */
  backoffMs?: (attempt: number) => number;
  /** A recurring job: after success it runs again this much later (the same row, attempts reset). */
  repeatEveryMs?: number;
  /** How long a claim holds before another worker may take the job again. Default 5 minutes. */
  leaseMs?: number;
}

export type JobHandler<P = Record<string, unknown>> = (ctx: JobContext<P>) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  orgId?: string | null;
  maxAttempts?: number;
  /** At most one open job per queue and key; a second enqueue with the key is dropped. */
  singletonKey?: string;
}

/** A timestamp parameter that both drivers (pg, PGlite) pass the same way. */
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export const defaultBackoffMs = (attempt: number) => Math.min(10_000 * 2 ** (attempt - 1), 60 * 60 * 1000);

/**
 * Adds a job in `tx` (a tenant transaction may add jobs, nothing else: RLS). With a singleton key the job
 * is added only if none with that key is open.
 */
export async function enqueue(
  tx: Tx | Database,
  queue: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  const values = {
    queue,
    payload,
    orgId: options.orgId ?? null,
    singletonKey: options.singletonKey ?? null,
    maxAttempts: options.maxAttempts ?? 10,
    ...(options.runAt ? { runAt: options.runAt } : {}),
  };
  if (options.singletonKey) {
    await tx
      .insert(job)
      .values(values)
      .onConflictDoNothing({ target: [job.queue, job.singletonKey], where: sql`done_at IS NULL AND failed_at IS NULL` });
  } else {
    await tx.insert(job).values(values);
  }
}

interface ClaimedRow extends Record<string, unknown> {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface JobQueue {
  register<P = Record<string, unknown>>(queue: string, handler: JobHandler<P>, options?: QueueOptions): void;
  /**
   * Claims and runs due jobs until none is due (at `now`, default the clock), `concurrency` at a time.
   * What the loop calls; tests call it directly with a clock of their own. Returns the number of jobs run.
   */
  runDue(options?: { now?: Date; limit?: number }): Promise<number>;
  /** Polls every `pollMs` until stop(). */
  start(pollMs?: number): void;
  stop(): Promise<void>;
  readonly workerId: string;
}

export interface JobQueueOptions {
  db: Database;
  /** Errors of handlers and of the loop; never the payload. */
  onError?: (queue: string, err: Error) => void;
  concurrency?: number;
  clock?: () => Date;
  workerId?: string;
}

export function createJobQueue(opts: JobQueueOptions): JobQueue {
  const handlers = new Map<string, { handler: JobHandler<never>; options: QueueOptions }>();
  const workerId = opts.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = opts.concurrency ?? 10;
  const clock = opts.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function claim(now: Date, limit: number): Promise<ClaimedRow[]> {
    const queues = [...handlers.keys()];
    if (!queues.length) return [];
    // The longest lease of the queues claimed; a handler that outlives it may see its job taken again.
    const leaseMs = Math.max(...[...handlers.values()].map((h) => h.options.leaseMs ?? 5 * 60 * 1000));
    const res = await opts.db.execute(sql`
      UPDATE job SET locked_until = ${ts(new Date(now.getTime() + leaseMs))}, locked_by = ${workerId}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM job
        WHERE done_at IS NULL AND failed_at IS NULL AND queue IN (${sql.join(
          queues.map((q) => sql`${q}`),
          sql`, `,
        )})
          AND run_at <= ${ts(now)} AND (locked_until IS NULL OR locked_until <= ${ts(now)})
        ORDER BY run_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, queue, payload, attempts, max_attempts`);
    return (res as unknown as { rows: ClaimedRow[] }).rows;
  }

  async function runOne(row: ClaimedRow, now: Date): Promise<void> {
    const entry = handlers.get(row.queue);
    if (!entry) return;
    const backoff = entry.options.backoffMs ?? defaultBackoffMs;
    const last = row.attempts >= row.max_attempts;
    const retryAt = last ? null : new Date(now.getTime() + backoff(row.attempts));
    try {
      await (entry.handler as JobHandler)({
        id: row.id,
        queue: row.queue,
        payload: row.payload,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
        now,
        retryAt,
      });
      if (entry.options.repeatEveryMs) {
        const next = new Date(now.getTime() + entry.options.repeatEveryMs);
        await opts.db.execute(
          sql`UPDATE job SET run_at = ${ts(next)}, attempts = 0, locked_until = NULL, locked_by = NULL, last_error = NULL WHERE id = ${row.id} AND locked_by = ${workerId}`,
        );
      } else {
        await opts.db.execute(
          sql`UPDATE job SET done_at = ${ts(now)}, locked_until = NULL, last_error = NULL WHERE id = ${row.id} AND locked_by = ${workerId}`,
        );
      }
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      opts.onError?.(row.queue, err);
      const message = err.message.slice(0, 500);
      if (retryAt) {
        await opts.db.execute(
          sql`UPDATE job SET run_at = ${ts(retryAt)}, locked_until = NULL, locked_by = NULL, last_error = ${message} WHERE id = ${row.id} AND locked_by = ${workerId}`,
        );
      } else if (entry.options.repeatEveryMs) {
        // A recurring job never dies: its next regular run is its retry.
        const next = new Date(now.getTime() + entry.options.repeatEveryMs);
        await opts.db.execute(
          sql`UPDATE job SET run_at = ${ts(next)}, attempts = 0, locked_until = NULL, locked_by = NULL, last_error = ${message} WHERE id = ${row.id} AND locked_by = ${workerId}`,
        );
      } else {
        await opts.db.execute(
          sql`UPDATE job SET failed_at = ${ts(now)}, locked_until = NULL, last_error = ${message} WHERE id = ${row.id} AND locked_by = ${workerId}`,
        );
      }
    }
  }

  async function runDue(options: { now?: Date; limit?: number } = {}): Promise<number> {
    let total = 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    while (total < limit) {
      const now = options.now ?? clock();
      const batch = await claim(now, Math.min(concurrency, limit - total));
      if (!batch.length) break;
      await Promise.all(batch.map((row) => runOne(row, now)));
      total += batch.length;
    }
    return total;
  }

  return {
    workerId,
    register(queue, handler, options = {}) {
      handlers.set(queue, { handler: handler as JobHandler<never>, options });
    },
    runDue,
    start(pollMs = 1000) {
      if (!stopped) return;
      stopped = false;
      const tick = () => {
        running = runDue()
          .catch((err: Error) => opts.onError?.("(loop)", err))
          .finally(() => {
            if (!stopped) {
              timer = setTimeout(tick, pollMs);
              timer.unref();
            }
          });
      };
      timer = setTimeout(tick, 0);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** How long finished jobs stay in `job`: done ones briefly (they only tell that it ran), failed ones for inspection. */
export const JOB_RETENTION = { doneDays: 7, failedDays: 30 } as const;
/** The queue of the recurring clean-up; one open row for every process on the database. */
export const JOB_SWEEP_QUEUE = "jobs.sweep";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes finished jobs past their retention: without it, every mail, webhook delivery and expiry event would
 * leave a row behind for ever, and the claim query's partial index stays small only for open jobs. Open jobs
 * (neither done nor failed) are never touched, whatever their age. Returns the number of rows deleted.
 */
export async function sweepFinishedJobs(db: Database, now: Date, retention: { doneDays: number; failedDays: number } = JOB_RETENTION) {
  const doneBefore = new Date(now.getTime() - retention.doneDays * DAY_MS);
  const failedBefore = new Date(now.getTime() - retention.failedDays * DAY_MS);
  const res = await db.execute(
    sql`DELETE FROM job WHERE (done_at IS NOT NULL AND done_at < ${ts(doneBefore)}) OR (failed_at IS NOT NULL AND failed_at < ${ts(failedBefore)})`,
  );
  return (res as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (res as { affectedRows?: number }).affectedRows ?? 0;
}
