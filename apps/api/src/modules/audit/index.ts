// Public entry of the audit module: the log's read side (routes), its one writer and a query for other modules.

export { auditRoutes } from "./audit.routes.js";
export { type AuditOrigin, appendAuditEntry, lastRecordedPerDetail } from "./audit-log.js";
export { type AuditObject, type AuditObjectSource, registerAuditObjectSource, titleColumnSource } from "./audit-objects.js";
