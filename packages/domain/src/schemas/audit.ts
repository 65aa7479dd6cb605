import { z } from "zod";
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
});
export const AuditQuery = CursorQuery.extend({
  entityType: z.string().max(64).optional(),
});
export const AuditList = cursorPage(AuditEntry);
