import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client.js";

/** The database role every request runs as; it is subject to row-level security. */
export const APP_ROLE = "bgm_app";

/**
 * Runs `fn` in a transaction that PostgreSQL itself confines to one organization: the role is
 * switched to the RLS-bound app role and app.org_id is set, both LOCAL so they end with the
 * transaction and never leak to the next user of a pooled connection.
 */
export async function withTenantTx<T>(db: Database, orgId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL ROLE ${APP_ROLE}`));
    await tx.execute(sql`SELECT set_config('app.org_id', ${orgId ?? ""}, true)`);
    return fn(tx as Tx);
  });
}
