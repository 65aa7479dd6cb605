import type { AuditEntry, AuditList, AuditQuery } from "@bgm/domain";
import type { z } from "zod";

export type AuditListResponse = z.infer<typeof AuditList>;
export type AuditEntryItem = z.infer<typeof AuditEntry>;
/** The query as the API reads it (a query string has no typed input: its numbers are coerced). */
export type AuditParams = z.infer<typeof AuditQuery>;
