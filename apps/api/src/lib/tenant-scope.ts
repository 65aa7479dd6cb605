import type { Tx } from "@bgm/db";
import type { MemberRole, OrgKind } from "@bgm/domain";
import { appendAuditEntry } from "../modules/audit/index.js";
import type { TenantScope } from "./request-context.js";

export interface ScopeMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Builds the scope services act in; its audit writer shares the transaction, so audit and change commit
 * together. The writer is the audit module's (it owns the log); the scope only binds who and where.
 */
export function makeTenantScope(
  tx: Tx,
  who: { orgId: string; orgKind: OrgKind; role: MemberRole; userId: string },
  meta: ScopeMeta,
): TenantScope {
  const origin = { orgId: who.orgId, actorUserId: who.userId, ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId };
  return {
    tx,
    ...who,
    audit: (entry) => appendAuditEntry(tx, origin, entry),
  };
}
