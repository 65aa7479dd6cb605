import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseHandle } from "@bgm/db";

/** The file in the PGlite folder that names the process serving it. */
export const PGLITE_OWNER_FILE = "bgm-server.pid";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The embedded database is one process's: a second server on the same folder would corrupt it. Claims the
 * folder with a pid file (a stale one, left by a process that died, is taken over); returns the reason to
 * refuse when a running process holds it, otherwise a function that gives the folder back.
 */
export function claimPgliteFolder(dataDir: string): { refused: string } | { release: () => void } {
  const file = join(dataDir, PGLITE_OWNER_FILE);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      return {
        refused:
          `the embedded database in ${dataDir} is already served by process ${pid}. PGlite is single-process: ` +
          "several API nodes need a PostgreSQL server (DATABASE_URL), see README 'Run in production'.",
      };
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return {
    release: () => {
      try {
        if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Files in a local folder exist on one machine only: on a PostgreSQL server that several nodes share, one node
 * may keep files locally (it holds an advisory lock for its lifetime); a second one is refused, unless
 * the folder is a mount every node shares (FILE_STORAGE_SHARED=true) or files go to S3 (S3_BUCKET).
 */
export async function claimLocalFileStore(
  database: DatabaseHandle,
  opts: { usesS3: boolean; sharedFolder: boolean; storageDir: string },
): Promise<string | undefined> {
  if (database.kind !== "postgres" || opts.usesS3 || opts.sharedFolder) return undefined;
  if (await database.holdForLifetime("localFileStore")) return undefined;
  return (
    `another API node on this database keeps its files in a local folder (FILE_STORAGE_DIR, here ${opts.storageDir}); ` +
    "files one node stores would be missing on the others. Use S3-compatible storage (S3_BUCKET) for several nodes, " +
    "or set FILE_STORAGE_SHARED=true if the folder is a mount all nodes share."
  );
}
