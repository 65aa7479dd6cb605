import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@bgm/db";
import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * Migrates one template database per test run; each test file then starts from a copy of it
 * (PGlite: a data-dir snapshot; PostgreSQL: CREATE DATABASE ... TEMPLATE), so every file gets a
 * clean, migrated database in about a second instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templateDb = `bgm_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
    await admin.query(`CREATE DATABASE ${templateDb}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateDb}`;
    const handle = await openDatabase({ url: templateUrl.toString(), poolSize: 1 });
    await handle.migrate();
    await handle.close();
    project.provide("pgTemplateDb", templateDb);
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({});
  await handle.migrate();
  const dump = await handle.pglite?.dumpDataDir("none");
  await handle.close();
  if (!dump) throw new Error("PGlite dump failed");
  const dir = join(tmpdir(), "bgm-hub-tests");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplateDb", "");
}
