import { z } from "zod";
import { Timestamp } from "./common.js";
import { BookingStatusSchema, HealthDayBudget, HealthDayStatusSchema } from "./health-days.js";
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

export const HealthDayReportStation = HealthDayReportFigures.extend({
  moduleId: z.uuid(),
  title: z.string(),
  providerName: z.string(),
  bookingStatus: BookingStatusSchema,
  slots: z.array(HealthDayReportSlot),
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
});
export type HealthDayReport = z.infer<typeof HealthDayReport>;
