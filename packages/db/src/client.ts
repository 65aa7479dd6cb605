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
    return {
      db,
      kind: "postgres",
      migrate: () => exclusive("migrations", () => migratePg(db as never, { migrationsFolder })),
      exclusive,
      holdForLifetime,
      close: async () => {
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
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    exclusive: (_lock, fn) => fn(),
    holdForLifetime: async () => true,
    close: () => client.close(),
  };
}
