import { apiKey, type Database, type Tx } from "@bgm/db";
import { Timestamp } from "@bgm/domain";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
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
