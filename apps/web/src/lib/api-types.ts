import type {
  AuditEntry,
  AuditList,
  CsvRowError,
  EmployeeList,
  ImportResult,
  KpiCard,
  KpiDashboard,
  Measure,
  Member,
  RequirementStep,
} from "@bgm/domain";
import type { z } from "zod";

/**
 * Response shapes the domain package defines as Zod schemas only; inferred here so the web app never
 * re-declares what the API returns.
 */
export type EmployeeListResponse = z.infer<typeof EmployeeList>;
export type ImportResultResponse = z.infer<typeof ImportResult>;
export type CsvRowErrorItem = z.infer<typeof CsvRowError>;
export type KpiDashboardResponse = z.infer<typeof KpiDashboard>;
export type KpiCardItem = z.infer<typeof KpiCard>;
export type AuditListResponse = z.infer<typeof AuditList>;
export type AuditEntryItem = z.infer<typeof AuditEntry>;
export type MemberItem = z.infer<typeof Member>;
export type RequirementStepItem = z.infer<typeof RequirementStep>;
export type MeasureItem = z.infer<typeof Measure>;

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}
