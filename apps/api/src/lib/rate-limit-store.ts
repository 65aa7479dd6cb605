import type { Database } from "@bgm/db";
import { sql } from "drizzle-orm";

/**
 * Request limits counted in the database (table `rate_limit`), so every API node behind a load balancer
 * sees the same counts: a client cannot get N times the limit by landing on N nodes. Fixed windows: the
 * first hit of a key opens a window of `windowMs`, later hits count up until it ends. One statement per
 * hit (an upsert), atomic on PostgreSQL and on PGlite alike, so two nodes counting at once never lose a
 * hit. The same counter serves better-auth's sign-in limits and @fastify/rate-limit's join-link limits.
 */
export interface RateLimitCounter {
  /** Counts one hit of `key`; `count` includes it, `ttlMs` is what is left of the window. */
  hit(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
  /** The count of `key` in its current window without counting (0 when none is open). */
  peek(key: string): Promise<{ count: number; ttlMs: number }>;
}

type CountRow = { count: number | string; ttl_ms: number | string };
/** node-postgres and PGlite both answer `{ rows }`. */
const rowsOf = (result: unknown) => (result as { rows: CountRow[] }).rows;

/** Every this many hits, rows whose window ended more than an hour ago are deleted. */
const PURGE_EVERY = 500;

export function createRateLimitCounter(db: Database): RateLimitCounter {
  let hits = 0;
  const purge = () =>
    db.execute(sql`DELETE FROM rate_limit WHERE reset_at < now() - interval '1 hour'`).then(
      () => undefined,
      () => undefined,
    );
  return {
    async hit(key, windowMs) {
      const window = Math.max(1, Math.trunc(windowMs));
      // clock_timestamp(): the hit's own time, not that of an enclosing transaction.
      const result = await db.execute(sql`
        INSERT INTO rate_limit AS r (key, count, reset_at)
        VALUES (${key}, 1, clock_timestamp() + make_interval(secs => ${window}::double precision / 1000))
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN r.reset_at <= clock_timestamp() THEN 1 ELSE r.count + 1 END,
          reset_at = CASE WHEN r.reset_at <= clock_timestamp() THEN excluded.reset_at ELSE r.reset_at END
        RETURNING r.count, greatest(0, ceil(extract(epoch FROM r.reset_at - clock_timestamp()) * 1000))::integer AS ttl_ms`);
      if (++hits % PURGE_EVERY === 0) void purge();
      const row = rowsOf(result)[0];
      if (!row) throw new Error("rate limit upsert returned no row");
      return { count: Number(row.count), ttlMs: Number(row.ttl_ms) };
    },
    async peek(key) {
      const result = await db.execute(sql`
        SELECT count, greatest(0, ceil(extract(epoch FROM reset_at - clock_timestamp()) * 1000))::integer AS ttl_ms
        FROM rate_limit WHERE key = ${key} AND reset_at > clock_timestamp()`);
      const row = rowsOf(result)[0];
      return row ? { count: Number(row.count), ttlMs: Number(row.ttl_ms) } : { count: 0, ttlMs: 0 };
    },
  };
}

/** better-auth's `rateLimit.customStorage`: allowed while the window's count stays within `max`. */
export function betterAuthRateLimitStorage(counter: RateLimitCounter) {
  return {
    async consume(key: string, rule: { window: number; max: number }) {
      const { count, ttlMs } = await counter.hit(`auth:${key}`, rule.window * 1000);
      return count <= rule.max ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: Math.max(1, Math.ceil(ttlMs / 1000)) };
    },
  };
}

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A store class for @fastify/rate-limit (`store` option) on the shared counter; keys get `prefix`. */
export function fastifyRateLimitStore(counter: RateLimitCounter, prefix = "route:") {
  return class DatabaseRateLimitStore {
    incr(key: string, cb: StoreCallback, timeWindow: number) {
      counter.hit(prefix + key, timeWindow).then(
        ({ count, ttlMs }) => cb(null, { current: count, ttl: ttlMs }),
        (err: Error) => cb(err),
      );
    }
    read(key: string, cb: StoreCallback) {
      counter.peek(prefix + key).then(
        ({ count, ttlMs }) => cb(null, { current: count, ttl: ttlMs }),
        (err: Error) => cb(err),
      );
    }
    /** One store for every limit: the keys already name the limit they belong to. */
    child() {
      return this;
    }
  };
}
