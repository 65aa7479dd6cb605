/** Audit log. The public face of the feature; other code imports only this file. */
export { useAudit } from "./api/get-audit";
export { AuditEntries } from "./components/audit-entries";
