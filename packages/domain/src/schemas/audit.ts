import { z } from "zod";
import { AUDIT_AREAS } from "../registries/audit-actions.js";
import { Timestamp } from "./common.js";
import { CursorQuery, cursorPage } from "./lists.js";

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  /** The object's current title (engagement: the offering), read when listed; null when none or not readable. */
  objectTitle: z.string().nullable(),
  /** For an engagement: the other party's organization name. */
  objectParty: z.string().nullable(),
});
export const AuditQuery = CursorQuery.extend({
  entityType: z.string().max(64).optional(),
  /** Only the actions of one area of the audit action registry. */
  area: z.enum(AUDIT_AREAS).optional(),
});
export const AuditList = cursorPage(AuditEntry);
