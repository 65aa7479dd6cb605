import type { Tx } from "@bgm/db";
import type { MemberRole, Membership, OrgKind } from "@bgm/domain";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  platformRole: "admin" | null;
}

/** Who is calling, resolved once per request from the session cookie. */
export interface Caller {
  user: SessionUser;
  sessionId: string;
  memberships: Membership[];
  active: Membership | null;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Everything a service needs to act for one organization: the transaction that PostgreSQL confines
 * to that organization (RLS), the organization and role, and the audit writer of the same transaction.
 */
export interface TenantScope {
  tx: Tx;
  orgId: string;
  orgKind: OrgKind;
  role: MemberRole;
  userId: string;
  audit(entry: AuditInput): Promise<void>;
}
