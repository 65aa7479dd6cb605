import { apiKey, type Database, type Tx } from "@bgm/db";
import { Timestamp } from "@bgm/domain";
import { and, eq, is, isNull, lt, or, Placeholder, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { z } from "zod";
import { after, millis, orderBy, type SortKey } from "../../lib/keyset.js";

export type ApiKeyRow = typeof apiKey.$inferSelect;

/**
 * Authentication only: finds a key by its hash before any organization is known, like the session
 * lookup does for cookies. It runs on the connection's own role (outside a tenant transaction)
 * because the caller's organization is exactly what the key is to tell us.
 */
export async function findKeyByHash(db: Database, hash: string): Promise<ApiKeyRow | null> {
  const [row] = await keyByHash(db).execute({ hash });
  return row ?? null;
}

// Every partner API request starts here: the statement is built once per database handle (building it took
// more CPU than PostgreSQL's answer) and runs as a named prepared statement.
const keyByHashOf = (db: Database) =>
  db
    .select()
    .from(apiKey)
    .where(eq(apiKey.hash, sql.placeholder("hash")))
    .prepare("api_key_by_hash");
const keyByHashStatements = new WeakMap<Database, ReturnType<typeof keyByHashOf>>();
const keyByHash = (db: Database) => {
  let prepared = keyByHashStatements.get(db);
  if (!prepared) {
    prepared = keyByHashOf(db);
    keyByHashStatements.set(db, prepared);
  }
  return prepared;
};

/** A well-formed key whose hash matches nothing: the prefix tells which provider's key was tampered with. */
export async function findKeyByPrefix(db: Database, prefix: string): Promise<ApiKeyRow | null> {
  const [row] = await db.select().from(apiKey).where(eq(apiKey.prefix, prefix)).limit(1);
  return row ?? null;
}

/**
 * Marks the key as used, at most once a minute: every request of a machine touching the same row would
 * queue all concurrent requests of that key on its row lock and a WAL flush each (the partner API's
 * throughput fell to a few dozen requests a second). `lastUsedAt` is exact to the minute.
 * When the minute is up, every request then in flight is due at once; the first one takes the row and the
 * others skip it (SKIP LOCKED) instead of queueing behind its commit — they would find the row fresh and
 * write nothing anyway (the bench saw 23 such waits of half a second each).
 */
export async function touchKey(tx: Tx, orgId: string, id: string): Promise<void> {
  const free = sql`(select ${apiKey.id} from ${apiKey} where ${apiKey.id} = ${id} for update skip locked)`;
  await tx
    .update(apiKey)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKey.orgId, orgId),
        eq(apiKey.id, id),
        or(isNull(apiKey.lastUsedAt), lt(apiKey.lastUsedAt, sql`now() - interval '1 minute'`)),
        sql`${apiKey.id} in ${free}`,
      ),
    );
}

const NEWEST_FIRST: SortKey[] = [
  { expr: millis(apiKey.createdAt), desc: true, cast: "timestamptz" },
  { expr: apiKey.id, desc: true, cast: "uuid" },
];
export const ApiKeyCursor = z.tuple([Timestamp, z.uuid()]);

export async function listKeys(
  tx: Tx,
  orgId: string,
  page: { after: z.output<typeof ApiKeyCursor> | undefined; limit: number },
): Promise<ApiKeyRow[]> {
  return tx
    .select()
    .from(apiKey)
    .where(and(eq(apiKey.orgId, orgId), after(NEWEST_FIRST, page.after)))
    .orderBy(...orderBy(NEWEST_FIRST))
    .limit(page.limit + 1);
}

export async function insertKey(tx: Tx, values: typeof apiKey.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKey).values(values).returning();
  if (!row) throw new Error("api_key insert returned nothing");
  return row;
}

/** Revokes once; `changed` is false when the key was already revoked. */
export async function revokeKey(tx: Tx, orgId: string, id: string): Promise<{ row: ApiKeyRow; changed: boolean } | null> {
  const [row] = await tx
    .update(apiKey)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKey.orgId, orgId), eq(apiKey.id, id), isNull(apiKey.revokedAt)))
    .returning();
  if (row) return { row, changed: true };
  const [existing] = await tx
    .select()
    .from(apiKey)
    .where(and(eq(apiKey.orgId, orgId), eq(apiKey.id, id)));
  return existing ? { row: existing, changed: false } : null;
}

/**
 * The transaction setting a key check leaves behind: the provider of the active key it found, else ''. LOCAL,
 * so it ends with the transaction. A statement later in the same transaction serves only when it names the
 * provider it expects (`keyCheckedFor`).
 */
export const CHECKED_KEY_ORG_SETTING = "app.checked_key_org";

/** The state a key check reports, as keyState decides it (revoked before expired). */
export type CheckedKeyState = "active" | "revoked" | "expired";

/**
 * The key check of a partner read that the server already knows (withTenantTx's `preamble`: same message, no
 * round trip of its own). On the connection's own role, as findKeyByHash. It answers the key's id, provider and
 * state (text columns, one row, none for an unknown hash), marks an active key as used at most once a minute
 * exactly as touchKey does (SKIP LOCKED, exact to the minute), and sets CHECKED_KEY_ORG_SETTING to the
 * provider of an active key. Revocation and expiry therefore count from the very next request.
 */
const keyCheckSql = () => {
  const hash = sql.placeholder("hash");
  return sql`with k as (
      select ${apiKey.id} as id, ${apiKey.orgId} as org_id,
        case when ${apiKey.revokedAt} is not null then 'revoked'
          when ${apiKey.expiresAt} is not null and ${apiKey.expiresAt} <= now() then 'expired'
          else 'active' end as state
      from ${apiKey} where ${apiKey.hash} = ${hash}
    ),
    touched as (
      update ${apiKey} set last_used_at = now()
      where ${apiKey.id} in (
        -- The conditions inside the locking subquery: FOR UPDATE locks only rows that pass them, so a key
        -- not due (nearly every read) is read, never locked or written.
        select ${apiKey.id} from ${apiKey}
        where ${apiKey.hash} = ${hash} and ${apiKey.revokedAt} is null
          and (${apiKey.expiresAt} is null or ${apiKey.expiresAt} > now())
          and (${apiKey.lastUsedAt} is null or ${apiKey.lastUsedAt} < now() - interval '1 minute')
        for update skip locked
      )
      returning 1
    )
    select k.id::text, k.org_id::text, k.state,
      set_config(${CHECKED_KEY_ORG_SETTING}, case when k.state = 'active' then k.org_id::text else '' end, true)
    from k`;
};

// Built once per process (the text never changes; building it per request cost more CPU than sending it).
let keyCheck: { text: string; params: unknown[]; hashAt: number[] } | undefined;

export function keyCheckStatement(hash: string): { name: string; text: string; values: unknown[] } {
  if (!keyCheck) {
    const q = new PgDialect().sqlToQuery(keyCheckSql());
    const hashAt = q.params.flatMap((p, i) => (is(p, Placeholder) ? [i] : []));
    keyCheck = { text: q.sql, params: q.params, hashAt };
  }
  const values = [...keyCheck.params];
  for (const i of keyCheck.hashAt) values[i] = hash;
  // Named: planned once per connection, like the key lookup of the full path (planning took longer than running it).
  return { name: "partner_key_check_v1", text: keyCheck.text, values };
}

/** The row keyCheckStatement answers, read from its text columns. */
export const checkedKey = (fields: (string | null)[]) => ({
  id: fields[0] as string,
  orgId: fields[1] as string,
  state: fields[2] as CheckedKeyState,
});

/** SQL for a later statement of the transaction: true only when the key check found an active key of `providerOrgId`. */
export const keyCheckedFor = (providerOrgId: SQL | ReturnType<typeof sql.placeholder>) =>
  sql`current_setting(${CHECKED_KEY_ORG_SETTING}, true) = ${providerOrgId}`;
