// Shared by db-backup.mjs and db-restore.mjs: which database, how to call the PostgreSQL tools without
// putting the password on a command line (`ps` shows those to every user of the machine).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The database the server would use: DATABASE_URL, else the PGlite folder DATA_DIR (default .data/pglite). */
export function target(env = process.env) {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: resolve(env.DATA_DIR || ".data/pglite") };
}

/** The URL without its password, and the environment that passes the password to pg_dump/pg_restore. */
export function pgConnection(url, env = process.env) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: password ? { ...env, PGPASSWORD: password } : env, shown: u.toString() };
}

export function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (r.error) throw new Error(`${cmd} not runnable (${r.error.message}); install postgresql-client of the server's major version`);
  if (r.status !== 0) throw new Error(`${cmd} failed (exit ${r.status})`);
}

/**
 * PGlite keeps postmaster.pid in its folder while a process has it open. Reading or replacing the folder
 * then would copy or destroy a database in use, so both scripts refuse (a crash leaves the file behind:
 * start and stop the server once, or pass --force).
 */
export function refuseIfOpen(dataDir, force) {
  if (!force && existsSync(join(dataDir, "postmaster.pid"))) {
    throw new Error(
      `${dataDir} is in use (postmaster.pid present): stop the server first. ` +
        "If it crashed, start and stop it once (or pass --force if you are sure nothing has the folder open).",
    );
  }
}

export const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[:.]/g, "-")
    .replace(/-\d+Z$/, "Z");
