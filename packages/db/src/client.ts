import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.js";
import { applySkippedMigrations } from "./skipped-migrations.js";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A handle queries can run on: the database itself or a transaction. */
export type Queryable = Database | Tx;

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * PostgreSQL advisory locks of BGM Hub (pg_advisory_lock(namespace, key)): every API node on one database
 * takes the same ones. The namespace is "BGMH" in ASCII, so other applications' locks do not collide.
 */
export const ADVISORY_LOCK_NAMESPACE = 0x42474d48;
export const ADVISORY_LOCKS = {
  /** Held while migrations run: two nodes starting together migrate one after the other. */
  migrations: 1,
  /** Held while a node loads demo data or runs other one-time start-up work. */
  startup: 2,
  /** Held for a node's lifetime while it keeps files in a local folder (only one such node per database). */
  localFileStore: 3,
} as const;
export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/** What a `subscribe` caller hears: notifications, and whether the listening connection is up. */
export interface NotificationHandlers {
  onNotify(payload: string): void;
  /** The connection is (again) listening: notifications sent while it was down are lost, so catch up. */
  onConnected?(): void;
  /** The connection dropped; it reconnects with backoff by itself. */
  onDisconnected?(err: Error | undefined): void;
}

export interface Subscription {
  /** True while notifications can arrive (always true on PGlite). */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** Reconnect delays of a listening connection: 250 ms doubling to 30 s, with jitter so nodes do not retry in step. */
export function listenBackoffMs(attempt: number): number {
  const base = Math.min(30_000, 250 * 2 ** Math.min(attempt, 7));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies pending migrations; on PostgreSQL under the `migrations` advisory lock (nodes wait for each other). */
  migrate(): Promise<void>;
  /** Runs `fn` while holding `lock` (PostgreSQL: other nodes wait; PGlite is one process anyway). */
  exclusive<T>(lock: AdvisoryLock, fn: () => Promise<T>): Promise<T>;
  /**
   * Takes `lock` for as long as this handle is open, without waiting: false when another node holds it
   * (PostgreSQL); always true on PGlite. Released by close() or when the process dies.
   */
  holdForLifetime(lock: AdvisoryLock): Promise<boolean>;
  /**
   * LISTENs on `channel` (PostgreSQL: on a connection of its own, outside the pool, reconnecting with backoff
   * when it drops; PGlite: in-process). Resolves once listening, or once the first attempt failed (it retries).
   */
  subscribe(channel: string, handlers: NotificationHandlers): Promise<Subscription>;
  close(): Promise<void>;
  /** PostgreSQL only: the pool's figures (metrics). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  /** PGlite only: the underlying instance (snapshots in tests). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in-memory. */
  dataDir?: string;
  /** A PGlite data dir snapshot to start from (tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const max = opts.poolSize ?? 20;
    // A server that accepts the TCP connection but does not answer (overloaded, half-started) must not hold a
    // request forever: after this, the connect fails and the API answers 503 with Retry-After.
    const pool = new pg.Pool({ connectionString: opts.url, max, connectionTimeoutMillis: 10_000 });
    // An idle client dropped by the server (restart, terminated backend) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on("error", (err) => {
      process.emitWarning(`PostgreSQL idle client error: ${err.message}`);
    });
    // The pool listens for errors of idle clients only. A checked-out client between two statements of a
    // transaction (while the app awaits something else) gets the server's FATAL on a restart (57P01) as an
    // 'error' event: without a listener of its own that event would end the process. The client is then not
    // queryable, its next statement fails (503 via the error handler) and the pool drops it on release.
    pool.on("connect", (client) => {
      client.on("error", (err) => process.emitWarning(`PostgreSQL connection error: ${err.message}`));
    });
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    const lockArgs = (lock: AdvisoryLock) => [ADVISORY_LOCK_NAMESPACE, ADVISORY_LOCKS[lock]];
    // A session-level lock lives on one connection: a client of its own, outside the pool, so the work
    // under the lock may use every pooled connection (even with a pool of one).
    async function lockClient(): Promise<pg.Client> {
      const client = new pg.Client({ connectionString: opts.url });
      client.on("error", (err) => process.emitWarning(`PostgreSQL lock connection error: ${err.message}`));
      await client.connect();
      return client;
    }
    async function exclusive<T>(lock: AdvisoryLock, fn: () => Promise<T>): Promise<T> {
      const client = await lockClient();
      try {
        await client.query("SELECT pg_advisory_lock($1, $2)", lockArgs(lock));
        return await fn();
      } finally {
        // Ending the session releases the lock.
        await client.end().catch(() => undefined);
      }
    }
    const held: pg.Client[] = [];
    async function holdForLifetime(lock: AdvisoryLock): Promise<boolean> {
      const client = await lockClient();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", lockArgs(lock));
      if (rows[0]?.ok) {
        held.push(client);
        return true;
      }
      await client.end();
      return false;
    }
    const subscriptions = new Set<Subscription>();
    async function subscribe(channel: string, h: NotificationHandlers): Promise<Subscription> {
      if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
      let current: pg.Client | undefined;
      let closed = false;
      let attempt = 0;
      let timer: NodeJS.Timeout | undefined;
      const drop = (c: pg.Client, err?: Error) => {
        if ((c as { dropped?: boolean }).dropped) return;
        (c as { dropped?: boolean }).dropped = true;
        c.end().catch(() => undefined);
        const wasUp = current === c;
        if (wasUp) current = undefined;
        if (closed) return;
        if (wasUp) h.onDisconnected?.(err);
        timer = setTimeout(() => void connect(), listenBackoffMs(attempt++));
        timer.unref();
      };
      async function connect(): Promise<void> {
        timer = undefined;
        if (closed) return;
        // keepAlive: a server that vanished without closing the socket is noticed by TCP, not only on the next query.
        const c = new pg.Client({ connectionString: opts.url, keepAlive: true });
        c.on("notification", (msg) => {
          if (msg.channel === channel) h.onNotify(msg.payload ?? "");
        });
        c.on("error", (err) => drop(c, err));
        c.on("end", () => drop(c));
        try {
          await c.connect();
          await c.query(`LISTEN ${channel}`);
        } catch (err) {
          drop(c, err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (closed || (c as { dropped?: boolean }).dropped) {
          await c.end().catch(() => undefined);
          return;
        }
        current = c;
        attempt = 0;
        h.onConnected?.();
      }
      const sub: Subscription = {
        get connected() {
          return current !== undefined;
        },
        async close() {
          closed = true;
          subscriptions.delete(sub);
          if (timer) clearTimeout(timer);
          const c = current;
          current = undefined;
          if (c) {
            (c as { dropped?: boolean }).dropped = true;
            await c.end().catch(() => undefined);
          }
        },
      };
      subscriptions.add(sub);
      await connect();
      return sub;
    }
    return {
      db,
      kind: "postgres",
      subscribe,
      migrate: () =>
        exclusive("migrations", async () => {
          // Entries drizzle would skip for our non-monotonic journal first (skipped-migrations.ts), same lock.
          await applySkippedMigrations(db, migrationsFolder);
          await migratePg(db as never, { migrationsFolder });
        }),
      exclusive,
      holdForLifetime,
      close: async () => {
        await Promise.allSettled([...subscriptions].map((sub) => sub.close()));
        await Promise.allSettled(held.splice(0).map((c) => c.end()));
        await pool.end();
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    // The server has it from its contrib package; PGlite loads it here (marketplace "did you mean").
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite: client,
    migrate: async () => {
      // Entries drizzle would skip for our non-monotonic journal first (skipped-migrations.ts).
      await applySkippedMigrations(db, migrationsFolder);
      await migratePglite(db as never, { migrationsFolder });
    },
    exclusive: (_lock, fn) => fn(),
    holdForLifetime: async () => true,
    // One process, one connection: PGlite delivers a committed NOTIFY to its own listeners.
    async subscribe(channel, h) {
      if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
      const unlisten = await client.listen(channel, (payload) => h.onNotify(payload));
      h.onConnected?.();
      return {
        connected: true,
        close: () => unlisten(),
      };
    },
    close: () => client.close(),
  };
}
