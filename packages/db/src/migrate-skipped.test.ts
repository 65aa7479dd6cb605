// On PGlite by default; on a throw-away PostgreSQL database when TEST_DATABASE_URL is set (`npm run test:pg`).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, migrationsFolder, openDatabase } from "./client.js";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe("migrate() on a database migrated while 0031 was the last migration", () => {
  const url = process.env.TEST_DATABASE_URL;
  const name = `bgm_migfix_${process.pid}_${Date.now()}`;
  let admin: pg.Client | undefined;
  let handle: DatabaseHandle;
  let oldFolder: string;

  beforeAll(async () => {
    // The migrations folder as it was when 0031 was the newest entry.
    oldFolder = mkdtempSync(join(tmpdir(), "bgm-migfix-"));
    cpSync(migrationsFolder, oldFolder, { recursive: true });
    const journalPath = join(oldFolder, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    const cut = journal.entries.findIndex((e: { tag: string }) => e.tag === "0031_proactive_suggestions");
    journal.entries = journal.entries.slice(0, cut + 1);
    writeFileSync(journalPath, JSON.stringify(journal));

    if (url) {
      admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      handle = await openDatabase({ url: dbUrl.toString(), poolSize: 2 });
      await migratePg(handle.db as never, { migrationsFolder: oldFolder });
    } else {
      handle = await openDatabase({});
      await migratePglite(handle.db as never, { migrationsFolder: oldFolder });
    }
  }, 300_000);

  afterAll(async () => {
    await handle?.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    if (oldFolder) rmSync(oldFolder, { recursive: true, force: true });
  });

  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await handle.db.execute(q))[0];
  const migrationRows = async () =>
    rowsOf<{ id: number; hash: string; created_at: string }>(
      await handle.db.execute(sql`SELECT id, hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id`),
    );
  const objects = async () =>
    one<{ conversation: string | null; event: string | null; count_fn: string | null; trigger: number; counts: string | null }>(sql`
      SELECT to_regclass('public.buddy_conversation')::text AS conversation,
        to_regclass('public.suggestion_event')::text AS event,
        to_regprocedure('suggestion_stat_count(text, uuid[], text[])')::text AS count_fn,
        (SELECT count(*)::int FROM pg_trigger WHERE tgname = 'offering_discovery_changed') AS trigger,
        to_regclass('public.participation_session_count')::text AS counts`);

  it("applies 0032–0034, which drizzle alone would skip, and the rest; a second migrate() changes nothing", async () => {
    // The old state: 0031's tables, none of 0032–0035.
    expect(await objects()).toEqual({ conversation: null, event: null, count_fn: null, trigger: 0, counts: null });

    await handle.migrate();

    // 0032 (buddy_conversation), 0033 (suggestion_event, suggestion_stat_count), 0034 (trigger), 0035.
    expect(await objects()).toEqual({
      conversation: "buddy_conversation",
      event: "suggestion_event",
      count_fn: "suggestion_stat_count(text,uuid[],text[])",
      trigger: 1,
      counts: "participation_session_count",
    });
    const journal = readMigrationFiles({ migrationsFolder });
    const rows = await migrationRows();
    expect(rows).toHaveLength(journal.length);
    expect(rows.map((r) => r.hash).sort()).toEqual(journal.map((m) => m.hash).sort());
    expect(rows.map((r) => Number(r.created_at)).sort()).toEqual(journal.map((m) => m.folderMillis).sort());

    await handle.migrate();
    expect(await migrationRows()).toEqual(rows);
  }, 300_000);
});
