import { z } from "zod";
import { MIN_GROUP_SIZE } from "../registries/data-scopes.js";
import { IsoDate, Timestamp } from "./common.js";
import { GkvFieldOfAction, InterventionApproach, InterventionCategory } from "./participation.js";

/**
 * Participation figures that leave the company (partner views and API, company reports, the insurer report,
 * the KPI card): aggregates only, every count about none or at least the company's minimum group size, and
 * no withheld figure computable from the published ones (ADR 0013).
 */

const Label = z.object({ de: z.string(), en: z.string() });

/** A company may raise the minimum group size, never lower it below the current value (nor below MIN_GROUP_SIZE). */
export const MAX_MIN_GROUP_SIZE = 50;

/**
 * A count of people. `value` is null exactly when `suppressed`: it would be about 1 … min−1 people, or would let
 * such a group be computed from the other published figures. 0 is about nobody and is shown.
 */
export const DisclosedCount = z.object({
  value: z.number().int().min(0).nullable(),
  suppressed: z.boolean(),
});
export type DisclosedCount = z.infer<typeof DisclosedCount>;

export const DisclosureSettings = z.object({
  minGroupSize: z.number().int().describe(`No figure about fewer people leaves the server (at least ${MIN_GROUP_SIZE})`),
  defaultMinGroupSize: z.literal(MIN_GROUP_SIZE),
  maxMinGroupSize: z.literal(MAX_MIN_GROUP_SIZE),
  updatedAt: Timestamp.nullable(),
});
export type DisclosureSettings = z.infer<typeof DisclosureSettings>;

export const RaiseMinGroupSize = z.strictObject({
  minGroupSize: z
    .number()
    .int()
    .min(MIN_GROUP_SIZE)
    .max(MAX_MIN_GROUP_SIZE)
    .describe("The new minimum group size: at least the current one (it can only be raised)"),
});

// ---------------------------------------------------------------- partner view

/**
 * Attendance of a session or a group of sessions, as the partner sees it: places, one per person and session.
 * `attendedCount` / `registeredCount` / `attendanceRate` are null when withheld; `suppressed` says so.
 */
const AttendanceFigures = {
  attendedCount: z.number().int().min(0).nullable().describe("People who attended (null: withheld)"),
  registeredCount: z.number().int().min(0).nullable().describe("People who held a place: registered, attended or no-show (null: withheld)"),
  attendanceRate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe("attendedCount / registeredCount, 0–1 (null: withheld or nobody registered)"),
  suppressed: z.boolean().describe("true when at least one of the three figures is withheld to protect a small group"),
};

export const PartnerSessionAggregate = z.object({
  sessionId: z.uuid(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  ...AttendanceFigures,
  combinedGroup: z.string().nullable().describe("The group of sessions this session is counted in when its own figures are withheld"),
});

export const PartnerCombinedSessions = z.object({
  label: z.string(),
  sessionIds: z.array(z.uuid()),
  ...AttendanceFigures,
});

export const PartnerInterventionAggregate = z.object({
  interventionId: z.uuid(),
  title: z.string(),
  category: InterventionCategory,
  ...AttendanceFigures,
  sessions: z.array(PartnerSessionAggregate),
  combinedGroups: z.array(PartnerCombinedSessions),
});

export const PartnerParticipation = z.object({
  engagementId: z.uuid(),
  minGroupSize: z.number().int(),
  interventions: z.array(PartnerInterventionAggregate),
});
export type PartnerParticipation = z.infer<typeof PartnerParticipation>;

// ---------------------------------------------------------------- company reports

const ReportPeriodFields = {
  from: IsoDate.describe("First day (inclusive, Europe/Berlin)"),
  to: IsoDate.describe("Last day (inclusive, Europe/Berlin)"),
};

const periodRules = <T extends z.ZodObject<{ from: typeof IsoDate; to: typeof IsoDate }>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, { message: "The period ends before it starts", path: ["to"] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
      message: "A report covers at most three years",
      path: ["to"],
    });

export const PEOPLE_GROUPINGS = ["intervention", "category", "fieldOfAction", "approach", "department", "location"] as const;
export const PeopleGrouping = z.enum(PEOPLE_GROUPINGS);
export type PeopleGrouping = z.infer<typeof PeopleGrouping>;
export const ATTENDANCE_GROUPINGS = ["month", "quarter"] as const;
export const AttendanceGrouping = z.enum(ATTENDANCE_GROUPINGS);
export type AttendanceGrouping = z.infer<typeof AttendanceGrouping>;

export const PeopleReportQuery = periodRules(z.strictObject({ ...ReportPeriodFields, groupBy: PeopleGrouping }));
export type PeopleReportQuery = z.infer<typeof PeopleReportQuery>;
export const AttendanceReportQuery = periodRules(z.strictObject({ ...ReportPeriodFields, groupBy: AttendanceGrouping }));
export type AttendanceReportQuery = z.infer<typeof AttendanceReportQuery>;
export const ParticipationPeriod = z.object({ from: IsoDate, to: IsoDate });

export const PeopleReportRow = z.object({
  key: z.string().describe("Intervention id, category / field / approach key, department or location name"),
  label: Label,
  interventionIds: z.array(z.uuid()).describe("The interventions behind the figure"),
  sessions: z.number().int().describe("Sessions in the period (not cancelled); about no person, never withheld"),
  participants: DisclosedCount.describe("Distinct employees who attended at least one session in the period"),
  nonParticipants: DisclosedCount.nullable().describe("Departments and locations: active employees who attended none"),
  participationRate: z
    .number()
    .nullable()
    .describe("Departments and locations: participants / (participants + nonParticipants), 0–1; null when withheld"),
  combinedGroup: z.string().nullable().describe("Departments and locations: the combined group a withheld row is counted in"),
});

export const PeopleReportCombinedGroup = z.object({
  label: z.string(),
  keys: z.array(z.string()),
  participants: DisclosedCount,
  nonParticipants: DisclosedCount,
  participationRate: z.number().nullable(),
});

export const PeopleReport = z.object({
  period: ParticipationPeriod,
  groupBy: PeopleGrouping,
  minGroupSize: z.number().int(),
  peopleReached: DisclosedCount.describe("Distinct employees who attended at least one session in the period"),
  interventionIds: z.array(z.uuid()).describe("Every intervention with a session in the period"),
  rows: z.array(PeopleReportRow),
  combinedGroups: z.array(PeopleReportCombinedGroup),
  lowestParticipation: z
    .object({ key: z.string(), label: Label, participationRate: z.number() })
    .nullable()
    .describe('Departments and locations: the published row with the lowest rate ("Vertrieb hat die niedrigste Teilnahme")'),
});
export type PeopleReport = z.infer<typeof PeopleReport>;

export const AttendanceReportRow = z.object({
  key: z.string().describe("2026-03 (month) or 2026-Q1 (quarter), Europe/Berlin"),
  label: Label,
  interventionIds: z.array(z.uuid()),
  sessions: z.number().int(),
  ...AttendanceFigures,
});

export const AttendanceReport = z.object({
  period: ParticipationPeriod,
  groupBy: AttendanceGrouping,
  minGroupSize: z.number().int(),
  rows: z.array(AttendanceReportRow),
});
export type AttendanceReport = z.infer<typeof AttendanceReport>;

// ---------------------------------------------------------------- insurer report figures

/** What an insurer report (§20b SGB V, GKV Präventionsbericht) needs: people counts, suppression applied. */
export const InsurerParticipation = z.object({
  period: ParticipationPeriod,
  minGroupSize: z.number().int(),
  peopleReached: DisclosedCount,
  interventions: z.number().int(),
  sessions: z.number().int(),
  byIntervention: z.array(
    z.object({
      interventionId: z.uuid(),
      title: z.string(),
      category: InterventionCategory,
      fieldOfAction: GkvFieldOfAction,
      approach: InterventionApproach,
      targetGroup: z.string(),
      certificationId: z.string().nullable(),
      provider: z.object({ orgId: z.string(), name: z.string() }).nullable(),
      sessions: z.number().int(),
      firstSession: Timestamp,
      lastSession: Timestamp,
      participants: DisclosedCount,
    }),
  ),
  byCategory: z.array(z.object({ category: InterventionCategory, interventionIds: z.array(z.uuid()), participants: DisclosedCount })),
  byFieldOfAction: z.array(z.object({ fieldOfAction: GkvFieldOfAction, interventionIds: z.array(z.uuid()), participants: DisclosedCount })),
  byApproach: z.array(z.object({ approach: InterventionApproach, interventionIds: z.array(z.uuid()), participants: DisclosedCount })),
});
export type InsurerParticipation = z.infer<typeof InsurerParticipation>;
