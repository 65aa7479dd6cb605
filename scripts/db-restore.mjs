#!/usr/bin/env node
// npm run db:restore -- <file> --yes — puts a backup of db:backup back into the database the server uses.
//  PostgreSQL (DATABASE_URL): pg_restore --clean in one transaction (all or nothing); run it with the
//  server stopped, or at least with no writes going on.
//  Embedded PGlite (DATA_DIR): the folder is moved aside to <DATA_DIR>.before-restore-<time> and a new one
//  is created from the dump; the server must be stopped.
// Without --yes it only says what it would replace.
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pgConnection, refuseIfOpen, run, stamp, target } from "./db-backup-lib.mjs";

const args = process.argv.slice(2);
const yes = args.includes("--yes");
const force = args.includes("--force");
const fileArg = args.find((a) => !a.startsWith("--"));

try {
  if (!fileArg) throw new Error("usage: npm run db:restore -- <backup file> --yes");
  const file = resolve(fileArg);
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const db = target();
  const where = db.kind === "postgres" ? pgConnection(db.url).shown : db.dataDir;
  if (!yes) {
    console.log(`[db:restore] would replace the data in ${where} with ${file}; add --yes to do it`);
    process.exit(2);
  }
  if (db.kind === "postgres") {
    if (file.endsWith(".tar.gz")) throw new Error("this is a PGlite backup; DATABASE_URL points to a PostgreSQL server");
    const c = pgConnection(db.url);
    console.log(`[db:restore] pg_restore into ${c.shown}`);
    run(
      "pg_restore",
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", c.dbname, file],
      c.env,
    );
  } else {
    if (!file.endsWith(".tar.gz")) throw new Error("this is not a PGlite backup (.tar.gz); set DATABASE_URL to restore a pg_dump file");
    refuseIfOpen(db.dataDir, force);
    const aside = `${db.dataDir}.before-restore-${stamp()}`;
    if (existsSync(db.dataDir)) renameSync(db.dataDir, aside);
    console.log(`[db:restore] PGlite folder ${db.dataDir} (the previous one is kept in ${aside})`);
    const { PGlite } = await import("@electric-sql/pglite");
    try {
      const pglite = await PGlite.create({ dataDir: db.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
      await pglite.query("select 1");
      await pglite.close();
    } catch (err) {
      rmSync(db.dataDir, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, db.dataDir);
      throw new Error(`restore failed, the previous folder is back in place: ${err instanceof Error ? err.message : err}`);
    }
  }
  console.log("[db:restore] done; start the server (it applies newer migrations itself)");
} catch (err) {
  console.error(`[db:restore] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
