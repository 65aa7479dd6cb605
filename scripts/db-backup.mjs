#!/usr/bin/env node
// npm run db:backup [-- <file>] — a backup of the database the server uses (see README, "Run in production").
//  PostgreSQL (DATABASE_URL): pg_dump in its custom format (compressed; restore with db:restore or pg_restore).
//  Embedded PGlite (DATA_DIR): a dump of the folder through PGlite (a .tar.gz that PGlite loads again); the
//  server must be stopped, as only one process may have the folder open.
// Uploaded files (FILE_STORAGE_DIR or the S3 bucket) are not part of it: copy them alongside.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pgConnection, refuseIfOpen, run, stamp, target } from "./db-backup-lib.mjs";

const args = process.argv.slice(2);
const force = args.includes("--force");
const fileArg = args.find((a) => !a.startsWith("--"));

try {
  const db = target();
  const file = resolve(fileArg ?? `.data/backups/bgm-${db.kind}-${stamp()}.${db.kind === "postgres" ? "dump" : "tar.gz"}`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  if (db.kind === "postgres") {
    const c = pgConnection(db.url);
    console.log(`[db:backup] pg_dump ${c.shown}`);
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial, "--dbname", c.dbname], c.env);
  } else {
    refuseIfOpen(db.dataDir, force);
    console.log(`[db:backup] PGlite folder ${db.dataDir}`);
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = await PGlite.create({ dataDir: db.dataDir });
    try {
      const dump = await pglite.dumpDataDir("gzip");
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  // Only a complete backup gets the name: a crash halfway leaves a .partial, never a truncated "backup".
  renameSync(partial, file);
  console.log(`[db:backup] written: ${file}`);
} catch (err) {
  console.error(`[db:backup] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
