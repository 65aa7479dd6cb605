import { z } from "zod";
import { COMPANY_SIZE_CLASSES, WZ_SECTION_KEYS } from "../registries/company-profile.js";
import { IsoDate, Timestamp } from "./common.js";
import { wholeList } from "./lists.js";
import { GkvFieldOfAction, InterventionApproach, InterventionCategory } from "./participation.js";
import { DisclosedCount } from "./participation-aggregates.js";

/**
 * Reports that the participation module makes from the company's own records: the insurer report for
 * §20b SGB V (aggregates only, leaves the company), the §20 participation certificate (one employee, for
 * that employee only) and the tax-free health budget view (§3 Nr. 34 EStG, for the manager only).
 */

const Label = z.object({ de: z.string(), en: z.string() });

/** The company profile an insurer report names: the industry (WZ 2008 section), set by the manager. */
export const WzSection = z.enum(WZ_SECTION_KEYS);
export const CompanyProfile = z.object({
  industry: WzSection.nullable().describe("Section of the German classification of economic activities (WZ 2008), A–U"),
});
export type CompanyProfile = z.infer<typeof CompanyProfile>;
export const UpdateCompanyProfile = z.strictObject({ industry: WzSection.nullable() });

const periodRules = <T extends z.ZodObject<{ from: typeof IsoDate; to: typeof IsoDate }>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, { message: "The period ends before it starts", path: ["to"] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
      message: "A report covers at most three years",
      path: ["to"],
    });

const PeriodFields = {
  from: IsoDate.describe("First day of the period (inclusive, Europe/Berlin)"),
  to: IsoDate.describe("Last day of the period (inclusive, Europe/Berlin)"),
};

/** The report's period: calendar dates in Europe/Berlin, both inclusive; at most three years. */
export const InsuranceReportQuery = periodRules(z.strictObject(PeriodFields));
export type InsuranceReportQuery = z.infer<typeof InsuranceReportQuery>;

export const InsuranceReportFormat = z.enum(["pdf", "csv", "xlsx"]);
export type InsuranceReportFormat = z.infer<typeof InsuranceReportFormat>;
export const InsuranceReportExportQuery = periodRules(
  z.strictObject({
    format: InsuranceReportFormat.describe("pdf (German, printable), csv (`;`, UTF-8 with BOM for German Excel) or xlsx"),
    ...PeriodFields,
  }),
);

export const NeedsAnalysisMethod = z.enum([
  "employee_survey",
  "psychological_risk_assessment",
  "sick_leave_analysis",
  "ergonomic_assessment",
]);
export const SuccessCheckMethod = z.enum(["effectiveness_measured", "goals_reviewed", "attendance_documented", "ergonomic_recheck"]);

/** A piece of evidence: an accepted partner result or the company's own checklist entry. */
export const ReportEvidence = z.object({
  label: z.string().describe('e.g. "COPSOQ-Auswertung (Version 1)"'),
  provider: z.string().nullable(),
  date: IsoDate.nullable(),
  detail: z.string().describe('e.g. "84 von 120 Beschäftigten haben geantwortet"'),
});

export const InsuranceReport = z.object({
  generatedAt: Timestamp,
  period: z.object({ from: IsoDate, to: IsoDate }),
  company: z.object({
    name: z.string(),
    industry: z.object({ key: WzSection, label: Label }).nullable().describe("null when the profile names none"),
    headCount: z.number().int().describe("Active employees in the employee register when the report was made"),
    sizeClass: z.object({ key: z.enum(COMPANY_SIZE_CLASSES.map((c) => c.key) as [string, ...string[]]), label: Label }).nullable(),
  }),
  minGroupSize: z.number().int(),
  reach: z.object({
    peopleReached: DisclosedCount.describe("Distinct employees who attended at least one session in the period"),
    interventions: z.number().int(),
    sessions: z.number().int(),
    reachRate: z.number().nullable().describe("peopleReached / headCount (0–1); null when either is withheld or zero"),
  }),
  targetGroups: z.array(z.object({ label: z.string(), interventions: z.number().int() })),
  fieldsOfAction: z.array(
    z.object({
      key: GkvFieldOfAction,
      field: Label,
      label: Label,
      interventions: z.number().int(),
      participants: DisclosedCount,
    }),
  ),
  approaches: z.array(z.object({ key: InterventionApproach, label: Label, interventions: z.number().int(), participants: DisclosedCount })),
  steeringCommittee: z.object({
    exists: z.boolean().describe('The phase 1 task "Steuerungskreis bilden" is done'),
    since: IsoDate.nullable(),
  }),
  needsAnalysis: z.array(z.object({ method: NeedsAnalysisMethod, label: Label, done: z.boolean(), evidence: z.array(ReportEvidence) })),
  successCheck: z.array(z.object({ method: SuccessCheckMethod, label: Label, done: z.boolean(), detail: z.string() })),
  interventions: z.array(
    z.object({
      interventionId: z.uuid(),
      title: z.string(),
      category: InterventionCategory,
      categoryLabel: Label,
      fieldOfAction: GkvFieldOfAction,
      approach: InterventionApproach,
      targetGroup: z.string(),
      provider: z.string().nullable(),
      certificationId: z.string().nullable(),
      sessions: z.number().int(),
      firstSession: IsoDate,
      lastSession: IsoDate,
      participants: DisclosedCount,
    }),
  ),
});
export type InsuranceReport = z.infer<typeof InsuranceReport>;

/** §20 certificates: one per certified course the signed-in employee took part in. */
export const MyCertificate = z.object({
  interventionId: z.uuid(),
  title: z.string(),
  certificationId: z.string(),
  providerName: z.string().nullable(),
  attendedSessions: z.number().int().describe("Counted sessions the employee attended"),
  countedSessions: z.number().int().describe("Non-cancelled sessions of the course that have ended"),
  requiredSessions: z.number().int().describe("ceil(80 % of countedSessions)"),
  upcomingSessions: z.number().int().describe("Non-cancelled sessions still to come; a certificate waits for the course to end"),
  available: z.boolean(),
  reason: z
    .enum(["available", "course_running", "too_few_sessions", "course_cancelled"])
    .describe("Why a certificate is or is not available"),
});
export type MyCertificate = z.infer<typeof MyCertificate>;
export const MyCertificateList = wholeList(MyCertificate);
export const CertificateParams = z.strictObject({ interventionId: z.uuid() });

/** §3 Nr. 34 EStG: the tax-free health budget per employee and calendar year. */
export const HealthBudgetQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2999).describe("Calendar year (Europe/Berlin); default: the current year").optional(),
});
export const BudgetStatus = z.enum(["ok", "near", "over"]);
export const HealthBudget = z.object({
  year: z.number().int(),
  limitCents: z.number().int(),
  nearShare: z.number().describe("From this share of the limit on an employee counts as near it"),
  interventions: z.array(
    z.object({
      interventionId: z.uuid(),
      title: z.string(),
      certificationId: z.string().nullable(),
      certified: z.boolean().describe("Only certified measures count towards the tax-free amount"),
      costCents: z.number().int().nullable(),
      participants: z.number().int().describe("Distinct employees who attended at least one session (ever)"),
      participantsInYear: z.number().int().describe("Of them, those whose first attended session lies in the year"),
      costPerParticipantCents: z.number().int().nullable().describe("costCents / participants, rounded to the cent"),
    }),
  ),
  employees: z.array(
    z.object({
      employeeId: z.uuid(),
      firstName: z.string(),
      lastName: z.string(),
      department: z.string(),
      totalCents: z.number().int(),
      share: z.number().describe("totalCents / limitCents"),
      status: BudgetStatus,
      items: z.array(z.object({ interventionId: z.uuid(), title: z.string(), cents: z.number().int() })),
    }),
  ),
  summary: z.object({ employees: z.number().int(), near: z.number().int(), over: z.number().int() }),
});
export type HealthBudget = z.infer<typeof HealthBudget>;
