import type { DatabaseHandle } from "@bgm/db";
import type { FastifyInstance } from "fastify";
import type { Lifecycle } from "../lib/lifecycle.js";

export interface ShutdownOptions {
  app: FastifyInstance;
  database: DatabaseHandle;
  lifecycle: Lifecycle;
  /** How long in-flight requests may take after the listener closed before their connections are cut. */
  graceMs: number;
  /**
   * How long the node keeps serving with /api/health/ready at 503 before it stops accepting: a load
   * balancer that polls readiness every few seconds needs that long to take the node out of rotation.
   */
  delayMs: number;
  log: (message: string) => void;
  exit?: (code: number) => never;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM/SIGINT: readiness turns 503, after `delayMs` the listener closes (idle keep-alive connections
 * with it), requests already running finish, then the database pool (or PGlite, which must be closed to
 * leave a clean folder) is closed and the process exits 0. A request still running after `graceMs` has
 * its connection cut and the exit code is 1; a second signal exits at once with 1.
 */
export function installGracefulShutdown(opts: ShutdownOptions): { shutdown(signal: string): Promise<void> } {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let started = false;

  async function shutdown(signal: string) {
    if (started) {
      opts.log(`${signal} again: exiting without waiting`);
      exit(1);
    }
    started = true;
    opts.lifecycle.draining = true;
    opts.log(`${signal}: draining (ready answers 503), closing the listener in ${opts.delayMs} ms`);
    if (opts.delayMs > 0) await sleep(opts.delayMs);

    opts.lifecycle.closing = true;
    let forced = false;
    const guard = setTimeout(() => {
      forced = true;
      opts.log(`requests still running after ${opts.graceMs} ms: closing their connections`);
      opts.app.server.closeAllConnections();
    }, opts.graceMs);
    guard.unref();
    let code = 0;
    try {
      await opts.app.close();
    } catch (err) {
      opts.log(`closing the server failed: ${err instanceof Error ? err.message : String(err)}`);
      code = 1;
    }
    clearTimeout(guard);
    try {
      await opts.database.close();
    } catch (err) {
      opts.log(`closing the database failed: ${err instanceof Error ? err.message : String(err)}`);
      code = 1;
    }
    opts.log(forced ? "stopped (requests were cut off)" : "stopped cleanly");
    exit(forced ? 1 : code);
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
  return { shutdown };
}
