/**
 * Failures of the infrastructure under a request, told apart from bugs: the database being unreachable or
 * restarting, and a full disk under the local file store. The error handler answers them 503 (with
 * Retry-After) and 507, so clients and load balancers retry instead of reporting an internal error.
 */

/** Errors with a code, along the `cause` chain (drizzle wraps the driver's error as `cause`). */
function* chain(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    yield e as { code?: unknown; message?: unknown };
    e = (e as { cause?: unknown }).cause;
  }
}

/** Socket errors of a connection to the server (or from pg's connect). */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * SQLSTATEs that mean "the server is not there right now": class 08 (connection exception), 57P01
 * admin_shutdown (a restart terminates every backend), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up or shutting down), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** pg raises these without a code when the socket closes under a query or the connect times out. */
const PG_CONNECTION_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "timeout exceeded when trying to connect",
];

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
    if (typeof e.message === "string" && PG_CONNECTION_MESSAGES.some((m) => e.message === m)) return true;
  }
  return false;
}

/** No space (ENOSPC) or quota exceeded (EDQUOT) while writing a file. */
export function isStorageFull(err: unknown): boolean {
  for (const e of chain(err)) if (e.code === "ENOSPC" || e.code === "EDQUOT") return true;
  return false;
}
