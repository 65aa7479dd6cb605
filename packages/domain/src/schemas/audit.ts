import { z } from "zod";
import { Timestamp } from "./common.js";

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
export const AuditQuery = z.strictObject({
  entityType: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional().describe("Return entries with an id below this (paging)"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditList = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
