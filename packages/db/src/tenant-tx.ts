import { sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database, Tx } from "./client.js";

/** The database role every request runs as; it is subject to row-level security. */
export const APP_ROLE = "bgm_app";

/**
 * The statement that confines a transaction ($1 = role, $2 = organization id), as withTenantTx sends
 * it; exported so the benchmark's bare routes run exactly the same one. set_config('role', …, true)
 * is SET LOCAL ROLE (with the same permission check), so one round trip sets both.
 */
export const TENANT_SETTINGS_SQL = "SELECT set_config('role', $1, true), set_config('app.org_id', $2, true)";

/** TENANT_SETTINGS_SQL with its parameters, for drizzle. */
export const tenantSettings = (orgId: string | null) =>
  sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.org_id', ${orgId ?? ""}, true)`;

/**
 * BEGIN and TENANT_SETTINGS_SQL as one simple-protocol message: PostgreSQL runs both and answers once. A
 * message of several statements cannot carry parameters, so the organization id is a literal, quoted by
 * pg's escapeLiteral (doubled quotes, and the E'' form when it holds a backslash) — never pasted raw.
 */
export const tenantBeginSql = (orgId: string | null) =>
  `BEGIN; SELECT set_config('role', '${APP_ROLE}', true), set_config('app.org_id', ${pg.escapeLiteral(orgId ?? "")}, true)`;

/** The parts of drizzle's node-postgres database a transaction is made of (not in its typings). */
interface NodePgInternals {
  $client: unknown;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  session: { options: ConstructorParameters<typeof NodePgSession>[3] };
}

/**
 * Runs `fn` in a transaction that PostgreSQL itself confines to one organization: the role is
 * switched to the RLS-bound app role and app.org_id is set, both LOCAL so they end with the
 * transaction and never leak to the next user of a pooled connection.
 *
 * On a PostgreSQL server the transaction is opened by hand rather than by drizzle's db.transaction, for
 * one reason: drizzle sends BEGIN on its own, and the settings would be a second round trip before any
 * work. Every tenant request paid it; on a busy machine each round trip is a wake-up of the backend and of
 * this process, which is what the partner API's throughput was bound by (issue 12). Otherwise it is
 * drizzle's own transaction: its session and transaction classes on one pooled client, COMMIT or ROLLBACK,
 * the client back to the pool. PGlite (one connection, no round trips) keeps drizzle's transaction.
 */
export async function withTenantTx<T>(db: Database, orgId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const d = db as unknown as NodePgInternals;
  if (!(d.$client instanceof pg.Pool)) {
    return db.transaction(async (tx) => {
      await tx.execute(tenantSettings(orgId));
      return fn(tx as Tx);
    });
  }
  const client = await d.$client.connect();
  // Without the relational schema: drizzle builds a relational query builder for every table of the schema
  // in each transaction object it makes (a tenth of a millisecond of CPU per request, for nothing — the app
  // uses the query builder and sql only; `tx.query.<table>` is not available in a tenant transaction).
  const tx = new NodePgTransaction(d.dialect, new NodePgSession(client, d.dialect, undefined, d.session.options), undefined);
  let broken: Error | undefined;
  try {
    await client.query(tenantBeginSql(orgId));
    const result = await fn(tx as unknown as Tx);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    // A failed ROLLBACK means a broken connection: the pool must drop it, not hand it out again.
    await client.query("ROLLBACK").catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
