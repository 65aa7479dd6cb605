import { sql } from "drizzle-orm";
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
 * Runs `fn` in a transaction that PostgreSQL itself confines to one organization: the role is
 * switched to the RLS-bound app role and app.org_id is set, both LOCAL so they end with the
 * transaction and never leak to the next user of a pooled connection.
 */
export async function withTenantTx<T>(db: Database, orgId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(tenantSettings(orgId));
    return fn(tx as Tx);
  });
}
