import { auditLog, type Tx } from "@bgm/db";
import { and, eq, max, sql } from "drizzle-orm";
import type { AuditInput } from "../../lib/request-context.js";

/** Who wrote an entry and from where; the tenant scope (lib/tenant-scope.ts) binds it once per transaction. */
export interface AuditOrigin {
  orgId: string;
  actorUserId: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * The audit log's only write. It runs in the caller's transaction, so the entry commits (or rolls
 * back) with the change it records. The log is append-only: the app role may not update or delete it.
 */
export async function appendAuditEntry(tx: Tx, origin: AuditOrigin, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: origin.orgId,
    actorUserId: origin.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    ip: origin.ip,
    userAgent: origin.userAgent,
    requestId: origin.requestId,
  });
}

/**
 * When an action was last recorded on one entity, per value of one key of its details (e.g. when each
 * data scope of an engagement was last declined: a decline writes no row of its own, its audit entry
 * is the record). Values without an entry are absent from the map.
 */
export async function lastRecordedPerDetail(
  tx: Tx,
  q: { orgId: string; action: string; entityType: string; entityId: string; detailKey: string },
): Promise<Map<string, Date>> {
  // A literal key, not a parameter: PostgreSQL must see the grouped expression and the selected one as equal.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(q.detailKey)) throw new Error(`not a details key: ${q.detailKey}`);
  const value = sql<string>`${auditLog.details}->>${sql.raw(`'${q.detailKey}'`)}`;
  const rows = await tx
    .select({ value, at: max(auditLog.at) })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, q.orgId),
        eq(auditLog.action, q.action),
        eq(auditLog.entityType, q.entityType),
        eq(auditLog.entityId, q.entityId),
      ),
    )
    .groupBy(value);
  return new Map(rows.flatMap((r) => (r.at ? [[r.value, r.at] as const] : [])));
}
