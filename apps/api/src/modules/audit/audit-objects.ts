import { and, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { TenantScope } from "../../lib/request-context.js";

/**
 * What an entry is about, in words, for the audit page: the object's title and, for an engagement,
 * the other party's name. Read when the log is listed, never stored in it: the log keeps ids only, and a
 * renamed object reads with its current title.
 */
export interface AuditObject {
  title: string | null;
  party: string | null;
}

/** Titles of the objects of one entity type among `ids`, as the reading organization may see them. */
export type AuditObjectSource = (scope: Pick<TenantScope, "tx" | "orgId" | "orgKind">, ids: string[]) => Promise<Map<string, AuditObject>>;

// The modules owning the objects register their reads (as with participation's slot parents): the
// audit module may not read another module's tables, and those modules already depend on it.
const sources = new Map<string, AuditObjectSource>();

export function registerAuditObjectSource(entityType: string, source: AuditObjectSource): void {
  sources.set(entityType, source);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface EntryRef {
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** The object an entry is about: the entity itself, else the engagement its details name (grants, results). */
function objectRef(e: EntryRef): { type: string; id: string } | null {
  if (e.entityId && sources.has(e.entityType) && UUID.test(e.entityId)) return { type: e.entityType, id: e.entityId };
  const engagementId = e.details.engagementId;
  if (typeof engagementId === "string" && UUID.test(engagementId) && sources.has("engagement"))
    return { type: "engagement", id: engagementId };
  return null;
}

/** One read per entity type on the page; entries about objects the reader cannot see get null. */
export async function describeObjects(
  scope: Pick<TenantScope, "tx" | "orgId" | "orgKind">,
  entries: EntryRef[],
): Promise<(AuditObject | null)[]> {
  const refs = entries.map(objectRef);
  const idsByType = new Map<string, Set<string>>();
  for (const ref of refs) if (ref) idsByType.set(ref.type, (idsByType.get(ref.type) ?? new Set()).add(ref.id));
  const found = new Map<string, Map<string, AuditObject>>();
  for (const [type, ids] of idsByType) found.set(type, await (sources.get(type) as AuditObjectSource)(scope, [...ids]));
  return refs.map((ref) => (ref ? (found.get(ref.type)?.get(ref.id) ?? null) : null));
}

/** A source for objects whose table has a title column, read within the reader's organization. */
export function titleColumnSource(table: PgTable, columns: { id: PgColumn; orgId: PgColumn; title: PgColumn }): AuditObjectSource {
  return async (scope, ids) => {
    const rows = await scope.tx
      .select({ id: columns.id, title: columns.title })
      .from(table)
      .where(and(inArray(columns.id, ids), eq(columns.orgId, scope.orgId)));
    return new Map(rows.map((r) => [String(r.id), { title: String(r.title), party: null }]));
  };
}
