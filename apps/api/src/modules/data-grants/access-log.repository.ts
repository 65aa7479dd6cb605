import { dataAccessLog, organization, type Tx, user } from "@bgm/db";
import { and, arrayOverlaps, desc, eq, getTableColumns, lte, type Query, type SQLChunk, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { z } from "zod";
import { after, orderBy, type SortKey } from "../../lib/keyset.js";

export type AccessLogInsert = typeof dataAccessLog.$inferInsert;

/** Every column a request writes (id and at are the table's), with the table's defaults for omitted ones. */
export const ENTRY_DEFAULTS = {
  orgId: null,
  engagementId: null,
  grantId: null,
  actorUserId: null,
  apiKeyId: null,
  reason: null,
  recordCount: 0,
  format: null,
  subjectEmployeeIds: [] as string[],
  ip: null,
} satisfies Partial<AccessLogInsert>;
type EntryColumn = keyof typeof ENTRY_DEFAULTS | "providerOrgId" | "scopeKey" | "outcome";
const ENTRY_COLUMNS: EntryColumn[] = [...(Object.keys(ENTRY_DEFAULTS) as EntryColumn[]), "providerOrgId", "scopeKey", "outcome"];

/**
 * The access-log writer's insert of a batch of one company's entries: the entries travel as one JSON parameter
 * and PostgreSQL turns them into rows (jsonb_to_recordset, typed by the table's own column types). Built once
 * per process and run as a named prepared statement, whatever the batch's size: a multi-row insert built by
 * the query builder cost ~60 µs of the event loop per entry (issue 12, profile of the partner aggregate under
 * load: a tenth of the app's time), and a batch of n entries was a new statement text with 13·n parameters.
 */
let appendBatchStatement: Query | undefined;

function buildAppendBatch(): Query {
  const table = getTableColumns(dataAccessLog);
  // Keys of the JSON objects are the entries' property names; names and types come from the table definition.
  const columns = ENTRY_COLUMNS.map((key) => ({ key: sql.identifier(key), column: table[key] }));
  const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);
  const target = list(columns.map(({ column }) => sql.identifier(column.name)));
  const values = list(columns.map(({ key }) => sql`e.${key}`));
  const shape = list(columns.map(({ key, column }) => sql`${key} ${sql.raw(column.getSQLType())}`));
  return new PgDialect().sqlToQuery(
    sql`insert into ${dataAccessLog} (${target}) select ${values} from jsonb_to_recordset(${sql.placeholder("entries")}::jsonb) as e(${shape})`,
  );
}

/** Appends entries of one tenant in one statement, in the caller's transaction (under that tenant's settings). */
export async function appendAccessLogBatch(tx: Tx, entries: readonly Omit<AccessLogInsert, "id" | "at">[]): Promise<void> {
  appendBatchStatement ??= buildAppendBatch();
  // A property set to undefined takes the column's default, as in the query builder's insert (JSON would drop it: null).
  const rows = entries.map((e) => {
    const row: Record<string, unknown> = { ...ENTRY_DEFAULTS };
    for (const [k, v] of Object.entries(e)) if (v !== undefined) row[k] = v;
    return row;
  });
  await tx._.session
    .prepareQuery(appendBatchStatement, undefined, "data_access_log_append_batch_v1", false)
    .execute({ entries: JSON.stringify(rows) });
}

/**
 * One entry, in the caller's transaction. The access log is append-only (the app role may not update or
 * delete it): the batch insert above is its one write, also for a single entry.
 */
export function appendAccessLog(tx: Tx, values: Omit<AccessLogInsert, "id" | "at">): Promise<void> {
  return appendAccessLogBatch(tx, [values]);
}

const LOG_NEWEST_FIRST: SortKey[] = [{ expr: dataAccessLog.id, desc: true }];
export const AccessLogCursor = z.tuple([z.number().int().positive()]);

const LOG_COLUMNS = { log: dataAccessLog, actorName: user.name, providerName: organization.name };

/** Served and denied totals per partner and grant (null: requests that named no grant), over the whole log. */
export async function accessTotals(tx: Tx, orgId: string) {
  return tx
    .select({
      providerOrgId: dataAccessLog.providerOrgId,
      providerName: organization.name,
      grantId: dataAccessLog.grantId,
      served: sql<number>`count(*) filter (where ${dataAccessLog.outcome} = 'served')`.mapWith(Number),
      denied: sql<number>`count(*) filter (where ${dataAccessLog.outcome} = 'denied')`.mapWith(Number),
      lastServedAt: sql<Date | null>`max(${dataAccessLog.at}) filter (where ${dataAccessLog.outcome} = 'served')`.mapWith(dataAccessLog.at),
      lastAt: sql<Date | null>`max(${dataAccessLog.at})`.mapWith(dataAccessLog.at),
    })
    .from(dataAccessLog)
    .innerJoin(organization, eq(organization.id, dataAccessLog.providerOrgId))
    .where(eq(dataAccessLog.orgId, orgId))
    .groupBy(dataAccessLog.providerOrgId, organization.name, dataAccessLog.grantId);
}

/** The latest `perGroup` requests of each partner and grant: what the overview shows inline. */
export async function recentAccesses(tx: Tx, orgId: string, perGroup: number) {
  const ranked = tx
    .select({
      id: dataAccessLog.id,
      rank: sql<number>`row_number() over (partition by ${dataAccessLog.providerOrgId}, ${dataAccessLog.grantId} order by ${dataAccessLog.id} desc)`.as(
        "rank",
      ),
    })
    .from(dataAccessLog)
    .where(eq(dataAccessLog.orgId, orgId))
    .as("ranked");
  return tx
    .select(LOG_COLUMNS)
    .from(dataAccessLog)
    .innerJoin(ranked, eq(ranked.id, dataAccessLog.id))
    .innerJoin(organization, eq(organization.id, dataAccessLog.providerOrgId))
    .leftJoin(user, eq(user.id, dataAccessLog.actorUserId))
    .where(lte(ranked.rank, perGroup))
    .orderBy(desc(dataAccessLog.id));
}

export interface AccessLogFilter {
  grantId?: string;
  providerOrgId?: string;
  outcome?: "served" | "denied";
}

/** One page of the company's access log, newest first (the log's id grows with every entry). */
export async function companyAccessLogPage(
  tx: Tx,
  orgId: string,
  filter: AccessLogFilter,
  page: { after: z.output<typeof AccessLogCursor> | undefined; limit: number },
) {
  return tx
    .select(LOG_COLUMNS)
    .from(dataAccessLog)
    .innerJoin(organization, eq(organization.id, dataAccessLog.providerOrgId))
    .leftJoin(user, eq(user.id, dataAccessLog.actorUserId))
    .where(
      and(
        eq(dataAccessLog.orgId, orgId),
        filter.grantId ? eq(dataAccessLog.grantId, filter.grantId) : undefined,
        filter.providerOrgId ? eq(dataAccessLog.providerOrgId, filter.providerOrgId) : undefined,
        filter.outcome ? eq(dataAccessLog.outcome, filter.outcome) : undefined,
        after(LOG_NEWEST_FIRST, page.after),
      ),
    )
    .orderBy(...orderBy(LOG_NEWEST_FIRST))
    .limit(page.limit + 1);
}

/**
 * What the partners received about these employees, one row per grant (a partner that fetched the same
 * list five times received the same thing five times): how often, first and last, newest first. Paged by
 * the grant's latest log id, which grows with every entry like the log's own cursor.
 */
export async function servedGrantsOf(
  tx: Tx,
  orgId: string,
  employeeIds: string[],
  page: { after: z.output<typeof AccessLogCursor> | undefined; limit: number },
) {
  if (employeeIds.length === 0) return [];
  const lastId = sql<number>`max(${dataAccessLog.id})`.mapWith(Number);
  return tx
    .select({
      grantId: dataAccessLog.grantId,
      scopeKey: dataAccessLog.scopeKey,
      providerName: organization.name,
      deliveries: sql<number>`count(*)`.mapWith(Number),
      firstAt: sql<Date>`min(${dataAccessLog.at})`.mapWith(dataAccessLog.at),
      lastAt: sql<Date>`max(${dataAccessLog.at})`.mapWith(dataAccessLog.at),
      lastId,
    })
    .from(dataAccessLog)
    .innerJoin(organization, eq(organization.id, dataAccessLog.providerOrgId))
    .where(
      and(
        eq(dataAccessLog.orgId, orgId),
        eq(dataAccessLog.outcome, "served"),
        arrayOverlaps(dataAccessLog.subjectEmployeeIds, employeeIds),
      ),
    )
    .groupBy(dataAccessLog.grantId, dataAccessLog.scopeKey, dataAccessLog.providerOrgId, organization.name)
    .having(page.after ? sql`max(${dataAccessLog.id}) < ${page.after[0]}` : undefined)
    .orderBy(desc(lastId))
    .limit(page.limit + 1);
}
