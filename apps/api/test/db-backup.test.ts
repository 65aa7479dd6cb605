import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm run db:backup` / `db:restore` as an operator runs them: back up, change the data, restore, and the
 * old state is back. PGlite by default; on PostgreSQL (TEST_DATABASE_URL) against a scratch database.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bgm-backup-"));
const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function script(name: "db-backup" | "db-restore", args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(root, `scripts/${name}.mjs`), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Runs SQL on the database the scripts target, opening and closing it each time (as the server would). */
type Sql = (query: string) => Promise<Record<string, unknown>[]>;

async function scratch(): Promise<{ env: Record<string, string>; sql: Sql; ext: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = join(dir, "pglite");
    const sql: Sql = async (query) => {
      const db = await PGlite.create({ dataDir });
      try {
        return (await db.query<Record<string, unknown>>(query)).rows;
      } finally {
        await db.close();
      }
    };
    return { env: { DATA_DIR: dataDir }, sql, ext: "tar.gz" };
  }
  const name = `bgm_backup_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const sql: Sql = async (query) => {
    const c = new pg.Client({ connectionString: dbUrl.toString() });
    await c.connect();
    try {
      return (await c.query(query)).rows;
    } finally {
      await c.end();
    }
  };
  return { env: { DATABASE_URL: dbUrl.toString() }, sql, ext: "dump" };
}

describe("db:backup and db:restore", () => {
  it("bring back the state of the backup after the data changed", async () => {
    const { env, sql, ext } = await scratch();
    await sql("create table notes (id int primary key, text text not null)");
    await sql("insert into notes values (1, 'vorher'), (2, 'bleibt')");

    const file = join(dir, `backup.${ext}`);
    const backup = script("db-backup", [file], env);
    expect(backup.status, backup.output).toBe(0);
    expect(existsSync(file)).toBe(true);

    await sql("update notes set text = 'nachher' where id = 1");
    await sql("delete from notes where id = 2");
    await sql("insert into notes values (3, 'neu')");
    await sql("create table later (id int)");

    expect(script("db-restore", [file], env).status).toBe(2); // without --yes it only says what it would do
    expect(await sql("select text from notes order by id")).toEqual([{ text: "nachher" }, { text: "neu" }]);

    const restore = script("db-restore", [file, "--yes"], env);
    expect(restore.status, restore.output).toBe(0);
    expect(await sql("select id, text from notes order by id")).toEqual([
      { id: 1, text: "vorher" },
      { id: 2, text: "bleibt" },
    ]);
    if (!process.env.TEST_DATABASE_URL) {
      // The embedded folder from before the restore is kept aside, not deleted.
      expect(readdirSync(dir).some((f) => f.startsWith("pglite.before-restore-"))).toBe(true);
    }
  }, 120_000);

  it("refuses a PGlite folder another process has open, and a backup of the other kind", async () => {
    if (process.env.TEST_DATABASE_URL) {
      const r = script("db-restore", [join(dir, "x.tar.gz"), "--yes"], { DATABASE_URL: process.env.TEST_DATABASE_URL });
      expect(r.status).toBe(1);
      return;
    }
    const dataDir = join(dir, "open");
    const db = await PGlite.create({ dataDir });
    try {
      const r = script("db-backup", [join(dir, "open.tar.gz")], { DATA_DIR: dataDir });
      expect(r.status).toBe(1);
      expect(r.output).toContain("stop the server first");
    } finally {
      await db.close();
    }
  }, 60_000);
});
