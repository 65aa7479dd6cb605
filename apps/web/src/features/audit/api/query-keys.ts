import type { AuditParams } from "./types";

/** Audit log query keys. */
export const auditKeys = {
  all: ["audit"] as const,
  list: (params: AuditParams) => [...auditKeys.all, params] as const,
};
