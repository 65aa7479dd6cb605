import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";

/** What a test registers to undo after its file (run in reverse order). */
export type Cleanups = (() => Promise<void> | void)[];

/**
 * The database environment for a server a test starts as a child process (the compiled server, as `npm run
 * serve` runs it): a scratch copy of the migrated template — PGlite in a temp folder (DATA_DIR), or a database
 * of its own on the test server (DATABASE_URL) when TEST_DATABASE_URL is set — so the child does not migrate
 * from scratch (a minute on a busy machine). Its removal goes to `cleanups`.
 */
export async function childDatabaseEnv(cleanups: Cleanups, prefix = "bgm-child-"): Promise<Record<string, string>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = join(dir, "pglite");
    const seeded = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) });
    await seeded.close();
    return { DATA_DIR: dataDir };
  }
  const name = `bgm_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplateDb")}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return { DATABASE_URL: dbUrl.toString() };
}

/**
 * The environment of a compiled server a test starts as a child process: production mode on 127.0.0.1:`port`,
 * no demo data, a file folder of its own (`name` tells the tests apart), plus `extra` (its database, log level,
 * the feature under test).
 */
export function childServerEnv(port: number, name: string, extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: `${name}-test-secret-${name}-test-secret-0123456789`,
    SEED_DEMO: "false",
    FILE_STORAGE_DIR: join(tmpdir(), `bgm-${name}-files-${process.pid}`),
    ...extra,
  };
}
