import { sql } from "drizzle-orm";
import { type MigrationMeta, readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./client.js";

/*
 * Why this exists: drizzle's migrator reads only the newest `created_at` of drizzle.__drizzle_migrations and
 * applies a journal entry only when its `when` is greater. Our journal is not monotonic: 0031_proactive_suggestions
 * has `when` 1796290000000, but 0032_buddy_conversations (1796281692083), 0033_suggestion_stats (1796281593083)
 * and 0034_discovery_notify (1796281626083), merged after it, have lower values (and 0026_idempotency_keys is
 * below 0024/0025 the same way). A database migrated while 0031 was the last migration would therefore skip
 * 0032–0034 forever. Rewriting the `when` values is no fix: databases that did apply 0032–0034 would run them
 * again and fail. So before drizzle migrates, the entries it would skip are applied here, the way it would
 * have applied them. New entries must keep `when` above every earlier one (journal.test.ts).
 */

/** A row of drizzle.__drizzle_migrations. */
export interface AppliedMigration {
  hash: string;
  createdAt: number;
}

/**
 * The journal entries drizzle would never apply to a database with these `applied` rows: after (in journal
 * order) the entry whose `when` is the newest `created_at`, not above that newest value, and not applied (no
 * row with its hash, nor with its `when` — a migration file edited after it ran must not run again). In journal
 * order. A fresh database (no rows) or one whose newest row matches no entry gets none: drizzle's own rule holds.
 */
export function skippedMigrations<M extends Pick<MigrationMeta, "hash" | "folderMillis">>(
  journal: readonly M[],
  applied: readonly AppliedMigration[],
): M[] {
  if (applied.length === 0) return [];
  const newest = Math.max(...applied.map((a) => a.createdAt));
  const anchor = journal.findIndex((m) => m.folderMillis === newest);
  if (anchor < 0) return [];
  const hashes = new Set(applied.map((a) => a.hash));
  const times = new Set(applied.map((a) => a.createdAt));
  return journal.slice(anchor + 1).filter((m) => m.folderMillis <= newest && !hashes.has(m.hash) && !times.has(m.folderMillis));
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The rows of drizzle.__drizzle_migrations; none when the table does not exist yet (a fresh database). */
async function appliedMigrations(db: Database): Promise<AppliedMigration[]> {
  const exists = rowsOf<{ t: string | null }>(await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`));
  if (!exists[0]?.t) return [];
  // bigint arrives as a string (node-postgres) or a number/bigint (PGlite): read it as text on both.
  const rows = rowsOf<{ hash: string; created_at: string }>(
    await db.execute(sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations WHERE created_at IS NOT NULL`),
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/**
 * Applies the journal entries drizzle would skip (see above), in journal order, one transaction each: every
 * statement of the file, then its row (hash, created_at = its `when`), as drizzle does. Call it before
 * drizzle's migrate, under the same lock. Returns the hashes it applied.
 */
export async function applySkippedMigrations(db: Database, migrationsFolder: string): Promise<string[]> {
  const applied = await appliedMigrations(db);
  if (applied.length === 0) return [];
  const missing = skippedMigrations(readMigrationFiles({ migrationsFolder }), applied);
  for (const migration of missing) {
    await db.transaction(async (tx) => {
      for (const stmt of migration.sql) await tx.execute(sql.raw(stmt));
      await tx.execute(
        sql`INSERT INTO drizzle.__drizzle_migrations ("hash", "created_at") VALUES (${migration.hash}, ${migration.folderMillis})`,
      );
    });
  }
  return missing.map((m) => m.hash);
}
