import { z } from "zod";
import { Timestamp } from "./common.js";
import { BookingStatusSchema, HealthDayBudget, HealthDayStatusSchema } from "./health-days.js";
import { wholeList } from "./lists.js";
import { SessionStatus } from "./participation.js";

/** Figures of one slot or station: places held, attended, no-show, waiting; the no-show rate of those due. */
export const HealthDayReportFigures = z.object({
  capacity: z.number().int(),
  registered: z.number().int().describe("People holding a place: registered, attended or no-show"),
  attended: z.number().int(),
  noShow: z.number().int(),
  waitlisted: z.number().int(),
  noShowRate: z.number().nullable().describe("no-show / (attended + no-show); null while nobody is marked"),
  utilization: z.number().nullable().describe("places held / capacity; null without capacity"),
});

export const HealthDayReportSlot = HealthDayReportFigures.extend({
  slotId: z.uuid(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  status: SessionStatus,
});

// ---- anonymous feedback per station (issue 13, 4.7; ADR 0016) ----

/** How many days after a health day's last day its attendees may still give feedback. */
export const HEALTH_DAY_FEEDBACK_DAYS = 14;
export const HEALTH_DAY_FEEDBACK_COMMENT_MAX = 1000;

export const HealthDayFeedbackInput = z.strictObject({
  rating: z.number().int().min(1).max(5).describe("1 (poor) to 5 (very good)"),
  comment: z
    .string()
    .trim()
    .max(HEALTH_DAY_FEEDBACK_COMMENT_MAX)
    .nullish()
    .transform((c) => (c ? c : null))
    .describe("Optional; shown to the company only among the station's comments once enough people answered"),
});
export type HealthDayFeedbackInput = z.infer<typeof HealthDayFeedbackInput>;

/** Feedback on one station as aggregates: nothing but `suppressed` while fewer than the minimum group size answered. */
export const StationFeedback = z.object({
  suppressed: z.boolean().describe("Fewer than the company's minimum group size answered: no figure, no comment"),
  answers: z.number().int().nullable(),
  average: z.number().nullable().describe("Mean rating 1–5, one decimal"),
  distribution: z.array(z.number().int()).length(5).nullable().describe("How many gave 1, 2, 3, 4, 5"),
  comments: z.array(z.string()).describe("In alphabetical order, so their order tells nothing about who wrote them"),
});
export type StationFeedback = z.infer<typeof StationFeedback>;

export const MyHealthDayFeedbackItem = z.object({
  healthDayId: z.uuid(),
  healthDayTitle: z.string(),
  startsOn: z.string(),
  moduleId: z.uuid(),
  stationTitle: z.string(),
  answered: z.boolean(),
  openUntil: z.string().describe("Last day (Europe/Berlin) on which feedback is taken"),
});
export type MyHealthDayFeedbackItem = z.infer<typeof MyHealthDayFeedbackItem>;
export const MyHealthDayFeedbackList = wholeList(MyHealthDayFeedbackItem);
export type MyHealthDayFeedbackList = z.infer<typeof MyHealthDayFeedbackList>;

export const HealthDayReportStation = HealthDayReportFigures.extend({
  moduleId: z.uuid(),
  title: z.string(),
  providerName: z.string(),
  bookingStatus: BookingStatusSchema,
  slots: z.array(HealthDayReportSlot),
  feedback: StationFeedback,
});

export const RecommendationKind = z.enum(["add_slot", "send_reminder", "reconsider_station", "over_budget", "below_headcount"]);
export const HealthDayRecommendation = z.object({
  kind: RecommendationKind,
  moduleId: z.uuid().nullable(),
  slotId: z.uuid().nullable(),
  text: z.string().describe("German, e.g. „Rückenscreening war um 10:00 ausgebucht — einen weiteren Slot einplanen“"),
});
export type HealthDayRecommendation = z.infer<typeof HealthDayRecommendation>;

/**
 * The post-event report of a health day (the company's manager only): attendance per station and slot,
 * totals against the expected headcount, costs against the budget, and recommendations. Counts only, no names.
 */
export const HealthDayReport = z.object({
  healthDayId: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: HealthDayStatusSchema,
  generatedAt: Timestamp,
  stations: z.array(HealthDayReportStation),
  totals: HealthDayReportFigures.extend({
    people: z.number().int().describe("Different people holding a place in any slot"),
    expectedHeadcount: z.number().int().nullable(),
    reachedShare: z.number().nullable().describe("people / expected headcount; null without a headcount"),
  }),
  budget: HealthDayBudget,
  recommendations: z.array(HealthDayRecommendation),
  minGroupSize: z.number().int().describe("Feedback shows only from this many answers per station"),
});
export type HealthDayReport = z.infer<typeof HealthDayReport>;

// ---- the consolidated report of a full-service day (planner ↔ company; issue 13, 4.5) ----

const Suppressible = z.number().int().nullable();

export const ConsolidatedStation = z.object({
  moduleId: z.uuid(),
  title: z.string(),
  providerName: z.string(),
  bookingStatus: BookingStatusSchema,
  capacity: z.number().int(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  utilization: z.number().nullable(),
  attendanceSuppressed: z
    .boolean()
    .describe(
      "Attendance of fewer than the minimum group size (or needed to keep such a group from being computed): no attendance figures",
    ),
  attended: Suppressible,
  noShow: Suppressible,
  noShowRate: z.number().nullable(),
  feedback: StationFeedback,
});
export type ConsolidatedStation = z.infer<typeof ConsolidatedStation>;

/**
 * One report for the whole full-service day, the same for the planner and the company: per station places,
 * attendance and feedback as aggregates with the company's minimum group size, costs, recommendations. No names,
 * no figures per slot.
 */
export const HealthDayConsolidatedReport = z.object({
  healthDayId: z.uuid(),
  engagementId: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: HealthDayStatusSchema,
  companyName: z.string(),
  plannerName: z.string(),
  generatedAt: Timestamp,
  minGroupSize: z.number().int(),
  stations: z.array(ConsolidatedStation),
  totals: z.object({
    capacity: z.number().int(),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    utilization: z.number().nullable(),
    attendanceSuppressed: z.boolean(),
    attended: Suppressible,
    noShow: Suppressible,
    noShowRate: z.number().nullable(),
    people: Suppressible.describe("Different people holding a place; null below the minimum group size"),
    expectedHeadcount: z.number().int().nullable(),
    reachedShare: z.number().nullable(),
  }),
  budget: HealthDayBudget,
  recommendations: z.array(HealthDayRecommendation),
});
export type HealthDayConsolidatedReport = z.infer<typeof HealthDayConsolidatedReport>;
