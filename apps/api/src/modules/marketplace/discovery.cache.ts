import { LRUCache } from "lru-cache";
import { AppError } from "../../lib/app-error.js";
import type { DiscoveryFilters } from "./discovery.sql.js";

/** Sent by database triggers (migration 0034) on every committed change of offerings or provider profiles. */
export const DISCOVERY_CHANNEL = "discovery_changed";

export const DISCOVERY_CACHE_DEFAULTS = { ttlMs: 30_000, maxEntries: 1000 };
/** About 30 KB per page of 20 offerings; this bounds memory even if maxEntries is set high. */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/**
 * The cache key: every filter of the normalized query, by name, so a filter added to the query
 * later is part of the key without anyone remembering to add it. Absent filters are left out, so
 * `?category=x` and `?category=x&region=` (not a valid query anyway) cannot differ in meaning.
 */
export function discoveryCacheKey(f: DiscoveryFilters): string {
  const entries = Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * Serialized discovery answers (the JSON body as UTF-8 bytes, so they are not encoded again for
 * every response), shared by every caller: discovery reads only the
 * public view of published offerings and public provider profiles, never anything of the caller's
 * organization (see ADR 0006). Writes to the catalog through this process call `invalidate()`
 * after their transaction committed; writes through other instances (or past the API) arrive as a
 * `discovery_changed` notification that calls `invalidate()` too. The TTL remains the bound for the
 * time a node's notification connection is down.
 */
export interface DiscoveryCache {
  /** The cached body for `key`, or `compute()`'s (which is stored unless a write came in between). */
  answer(key: string, compute: () => Promise<Buffer>): Promise<Buffer>;
  /** Drops every answer; answers being computed right now are not stored. */
  invalidate(): void;
  /** Runs a catalog write and invalidates once it committed (or may have). */
  afterWrite<T>(write: () => Promise<T>): Promise<T>;
}

export function createDiscoveryCache(opts: { ttlMs: number; maxEntries: number } = DISCOVERY_CACHE_DEFAULTS): DiscoveryCache {
  if (opts.ttlMs <= 0) {
    return { answer: (_key, compute) => compute(), invalidate() {}, afterWrite: (write) => write() };
  }
  const answers = new LRUCache<string, Buffer>({
    max: opts.maxEntries,
    ttl: opts.ttlMs,
    maxSize: MAX_TOTAL_BYTES,
    sizeCalculation: (body) => Math.max(1, body.length),
  });
  /** Identical queries arriving together run once (after an invalidation, say, all 50 clients miss). */
  const pending = new Map<string, Promise<Buffer>>();
  // Bumped by every write: an answer whose query started before the write may predate its commit.
  let generation = 0;

  const invalidate = () => {
    generation++;
    answers.clear();
    pending.clear();
  };

  return {
    answer(key, compute) {
      const hit = answers.get(key) ?? pending.get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const startedIn = generation;
      const running = compute()
        .then((body) => {
          if (startedIn === generation) answers.set(key, body);
          return body;
        })
        .finally(() => {
          if (pending.get(key) === running) pending.delete(key);
        });
      pending.set(key, running);
      return running;
    },
    invalidate,
    async afterWrite(write) {
      try {
        const result = await write();
        invalidate();
        return result;
      } catch (err) {
        // A refusal (401/403/404/409/422) is thrown before the commit: nothing changed, and nobody
        // may flush the cache by sending requests that fail. Any other failure may have committed.
        if (!(err instanceof AppError)) invalidate();
        throw err;
      }
    },
  };
}
