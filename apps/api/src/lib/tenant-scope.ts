import { auditLog, type Tx } from "@bgm/db";
import type { MemberRole, OrgKind } from "@bgm/domain";
import type { TenantScope } from "./request-context.js";

export interface ScopeMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Builds the scope services act in; its audit writer shares the transaction, so audit and change commit together. */
export function makeTenantScope(
  tx: Tx,
  who: { orgId: string; orgKind: OrgKind; role: MemberRole; userId: string },
  meta: ScopeMeta,
): TenantScope {
  return {
    tx,
    ...who,
    async audit(entry) {
      await tx.insert(auditLog).values({
        orgId: who.orgId,
        actorUserId: who.userId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        details: entry.details ?? {},
        ip: meta.ip,
        userAgent: meta.userAgent,
        requestId: meta.requestId,
      });
    },
  };
}
