import type {
  AddWalkIn,
  AttendanceList,
  CourseRegistration,
  CreateIntervention,
  CreateSessions,
  DisclosureSettings,
  HealthBudget,
  HealthBudgetQuery,
  InsuranceReport,
  InsuranceReportFormat,
  InsuranceReportQuery,
  Intervention,
  MyParticipationList,
  OpenInterventionList,
  RaiseMinGroupSize,
  RunningInterventionList,
  SetAttendance,
  UpdateIntervention,
  UpdateSession,
} from "@bgm/domain";
import type { z } from "zod";

/** What the participation routes answer, inferred from the domain contracts (never re-declared here). */
export type InterventionDetail = Intervention;
export type SessionItem = Intervention["sessions"][number];
export type InterventionListResponse = z.infer<typeof RunningInterventionList>;
export type InterventionSummaryItem = InterventionListResponse["items"][number];
export type OpenInterventionItem = z.infer<typeof OpenInterventionList>["items"][number];
export type OpenSessionItem = OpenInterventionItem["sessions"][number];
export type MyParticipationListResponse = z.infer<typeof MyParticipationList>;
export type MyParticipationItem = MyParticipationListResponse["items"][number];
export type AttendanceListResponse = AttendanceList;
export type AttendanceRowItem = AttendanceList["rows"][number];
/** The answer to booking or giving up a whole course: every session ahead with my place in it. */
export type CourseRegistrationResponse = CourseRegistration;
export type CourseSessionPlaceItem = CourseRegistration["sessions"][number];

/** What the forms send: the domain's request schemas before their defaults apply. */
export type CreateInterventionInput = z.input<typeof CreateIntervention>;
export type UpdateInterventionInput = z.input<typeof UpdateIntervention>;
export type CreateSessionsInput = z.input<typeof CreateSessions>;
export type UpdateSessionInput = z.input<typeof UpdateSession>;
export type SetAttendanceInput = z.input<typeof SetAttendance>;
export type AddWalkInInput = z.input<typeof AddWalkIn>;

/** The insurer report (§20b SGB V), the tax-free health budget and the minimum group size, as the API answers. */
export type InsuranceReportResponse = InsuranceReport;
export type InsuranceReportIntervention = InsuranceReport["interventions"][number];
export type InsuranceReportPeriod = z.infer<typeof InsuranceReportQuery>;
export type InsuranceReportFileFormat = z.infer<typeof InsuranceReportFormat>;
export type HealthBudgetResponse = HealthBudget;
export type HealthBudgetEmployee = HealthBudget["employees"][number];
export type HealthBudgetIntervention = HealthBudget["interventions"][number];
/** `year` is coerced from the query string, so its input type says nothing useful: `z.infer`. */
export type HealthBudgetParams = z.infer<typeof HealthBudgetQuery>;
export type DisclosureSettingsResponse = DisclosureSettings;
export type RaiseMinGroupSizeInput = z.input<typeof RaiseMinGroupSize>;
