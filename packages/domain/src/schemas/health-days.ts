import { z } from "zod";
import { ENGAGEMENT_STATUSES } from "../registries/engagement-states.js";
import {
  BOOKING_STATUS_KEYS,
  HEALTH_DAY_ACTIONS,
  HEALTH_DAY_MODES,
  HEALTH_DAY_STATUS_KEYS,
  MODULE_APPROVALS,
} from "../registries/health-days.js";
import { IsoDate, LongText, ShortText, Timestamp } from "./common.js";
import { CursorQuery, cursorPage, wholeList } from "./lists.js";
import { MyPlace, ParticipationStatus, SessionCounts, SessionStatus } from "./participation.js";

/** Health days: the company's event day, its stations (booked from marketplace offerings) and their time slots. */

export const HealthDayStatusSchema = z.enum(HEALTH_DAY_STATUS_KEYS);
export const HealthDayActionSchema = z.enum(HEALTH_DAY_ACTIONS);
export const HealthDayModeSchema = z.enum(HEALTH_DAY_MODES);
export const BookingStatusSchema = z.enum(BOOKING_STATUS_KEYS);

const Cents = z.number().int().min(0).max(100_000_000);
const Place = z.string().trim().max(200);

const HealthDayFields = z.strictObject({
  title: ShortText,
  startsOn: IsoDate.describe("The (first) day, a calendar date in Germany"),
  endsOn: IsoDate.optional().describe("The last day of a multi-day event; defaults to `startsOn`"),
  locations: z.array(Place.min(1)).max(50).default([]).describe("Rooms or places of the day; stations name one of them"),
  expectedHeadcount: z.number().int().min(1).max(100_000).nullable().default(null),
  budgetCents: Cents.nullable().default(null),
  mode: HealthDayModeSchema.default("diy"),
  responsibleUserId: z.string().min(1).max(100).nullable().default(null).describe("A member of the company; null: nobody named yet"),
});

export const CreateHealthDay = HealthDayFields.refine((d) => d.endsOn === undefined || d.endsOn >= d.startsOn, {
  message: "The last day is not before the first",
  path: ["endsOn"],
});
export type CreateHealthDay = z.infer<typeof CreateHealthDay>;

export const UpdateHealthDay = z
  .strictObject({
    title: ShortText,
    startsOn: IsoDate,
    endsOn: IsoDate,
    locations: z.array(Place.min(1)).max(50),
    expectedHeadcount: z.number().int().min(1).max(100_000).nullable(),
    budgetCents: Cents.nullable(),
    responsibleUserId: z.string().min(1).max(100).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateHealthDay = z.infer<typeof UpdateHealthDay>;

export const HealthDayTransition = z.strictObject({ action: HealthDayActionSchema });

export const AddHealthDayModule = z.strictObject({
  offeringId: z.uuid(),
  location: Place.default(""),
  costCents: Cents.nullable().default(null).describe("Planned cost; null: the offering's price from"),
  notes: LongText.default(""),
  message: LongText.default("").describe("Sent to the provider with the booking request"),
});
export type AddHealthDayModule = z.infer<typeof AddHealthDayModule>;

export const HealthDaySlotInput = z
  .strictObject({
    startsAt: Timestamp,
    endsAt: Timestamp,
    capacity: z.number().int().min(1).max(10_000),
    location: Place.optional().describe("Defaults to the station's location"),
    waitlistEnabled: z.boolean().default(true),
    registrationDeadline: Timestamp.nullable().default(null),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: "A slot ends after it starts", path: ["endsAt"] })
  .refine((s) => s.registrationDeadline === null || Date.parse(s.registrationDeadline) <= Date.parse(s.startsAt), {
    message: "The registration deadline is at the latest when the slot starts",
    path: ["registrationDeadline"],
  });
export const AddHealthDaySlots = z.strictObject({ slots: z.array(HealthDaySlotInput).min(1).max(50) });
export type AddHealthDaySlots = z.infer<typeof AddHealthDaySlots>;

export const HealthDayModuleParams = z.strictObject({ id: z.uuid(), moduleId: z.uuid() });
export const HealthDaySlotParams = z.strictObject({ id: z.uuid(), slotId: z.uuid() });

export const HealthDaySlot = z.object({
  id: z.uuid(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  capacity: z.number().int(),
  registrationDeadline: Timestamp.nullable(),
  waitlistEnabled: z.boolean(),
  status: SessionStatus,
  counts: SessionCounts,
});

export const ModuleApprovalSchema = z.enum(MODULE_APPROVALS);

export const HealthDayModule = z.object({
  id: z.uuid(),
  offeringId: z.uuid(),
  title: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  engagementId: z.uuid().nullable(),
  engagementStatus: z.enum(ENGAGEMENT_STATUSES).nullable(),
  bookingStatus: BookingStatusSchema,
  location: z.string(),
  costCents: z.number().int(),
  notes: z.string(),
  approval: ModuleApprovalSchema.describe(
    "Full-service mode: `pending` while a station the planner added awaits the company's approval; `not_required` for the company's own stations and the planner's up to the approval limit",
  ),
  addedByPlanner: z.boolean(),
  slots: z.array(HealthDaySlot),
});

export const SlotConflictKind = z.enum(["same_room", "same_provider", "outside_day", "over_capacity"]);
export const SlotConflict = z.object({
  kind: SlotConflictKind,
  /** The slot in question (null for one not created yet). */
  slotId: z.uuid().nullable(),
  /** The slot it clashes with (same room or provider at once), when there is one. */
  otherSlotId: z.uuid().nullable(),
  message: z.string(),
});
export type SlotConflict = z.infer<typeof SlotConflict>;

export const BudgetWarning = z.enum(["booked_exceeds_budget", "planned_exceeds_budget", "booked_near_budget"]);
export const HealthDayBudget = z.object({
  budgetCents: z.number().int().nullable(),
  plannedCents: z.number().int(),
  bookedCents: z.number().int(),
  invoicedCents: z.number().int(),
  /** Budget minus booked; null without a budget. */
  remainingCents: z.number().int().nullable(),
  warnings: z.array(BudgetWarning),
  modules: z.array(
    z.object({
      moduleId: z.uuid(),
      title: z.string(),
      plannedCents: z.number().int(),
      bookedCents: z.number().int(),
      invoicedCents: z.number().int(),
    }),
  ),
});

/** The brief's card: "Fit for Work · 15. März · Budget 5.000 €", stations with time and ✓/⏳, "Anmeldungen: 87/120 (72 %)". */
export const HealthDayCard = z.object({
  headline: z.string(),
  lines: z.array(
    z.object({
      time: z.string().nullable(),
      title: z.string(),
      providerName: z.string(),
      bookingStatus: BookingStatusSchema,
      mark: z.string(),
      text: z.string(),
    }),
  ),
  registrations: z.object({
    people: z.number().int(),
    /** Expected headcount, else the slots' places. */
    of: z.number().int(),
    percent: z.number().int().nullable(),
    text: z.string(),
  }),
  statusText: z.string(),
});

/** The full-service planner of a day: the engagement through which the company booked it. */
export const HealthDayPlanner = z.object({
  engagementId: z.uuid(),
  organizationId: z.string(),
  name: z.string(),
  engagementStatus: z.enum(ENGAGEMENT_STATUSES),
  /** Stations the planner adds above this cost need the company's approval one by one; null: every one does. */
  approvalLimitCents: z.number().int().nullable(),
  planApprovedAt: Timestamp.nullable(),
  pendingApprovals: z.number().int(),
});

const HealthDayBase = z.object({
  id: z.uuid(),
  title: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  locations: z.array(z.string()),
  expectedHeadcount: z.number().int().nullable(),
  budgetCents: z.number().int().nullable(),
  mode: HealthDayModeSchema,
  status: HealthDayStatusSchema,
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const HealthDay = HealthDayBase.extend({
  allowedActions: z.array(HealthDayActionSchema),
  planner: HealthDayPlanner.nullable(),
  modules: z.array(HealthDayModule),
  conflicts: z.array(SlotConflict),
  budget: HealthDayBudget,
  card: HealthDayCard,
});
export type HealthDay = z.infer<typeof HealthDay>;

export const HealthDaySummary = HealthDayBase.extend({ moduleCount: z.number().int() });

/** Full-service mode: the company hands the day to the planner it booked (a `full_service_health_day` offering). */
export const SetHealthDayPlanner = z.strictObject({
  engagementId: z.uuid().describe("The company's engagement for a full-service offering, accepted or in progress"),
  approvalLimitCents: Cents.nullable()
    .default(null)
    .describe("Stations the planner adds above this cost need approval one by one; null: every station does"),
});
export type SetHealthDayPlanner = z.infer<typeof SetHealthDayPlanner>;

export const ModuleApprovalDecision = z.strictObject({
  decision: z.enum(["approve", "reject"]),
  message: LongText.default("").describe("Sent to the planner with the decision"),
});
export type ModuleApprovalDecision = z.infer<typeof ModuleApprovalDecision>;

/**
 * The day as its full-service planner sees it: stations, slots, headcounts, budget and card — no names of
 * the company's people (the responsible person is left out; registrations are counts).
 */
export const PlannerHealthDay = HealthDay.omit({ responsibleUserId: true, responsibleName: true, allowedActions: true }).extend({
  companyName: z.string(),
  /** Per slot only the headcounts a station prepares for; who came is not the planner's (no per-slot attendance). */
  modules: z.array(
    HealthDayModule.extend({
      slots: z.array(HealthDaySlot.extend({ counts: z.object({ registered: z.number().int(), waitlisted: z.number().int() }) })),
    }),
  ),
  /** What the planner may do now: add stations and slots while the day is not final and its booking runs. */
  canEdit: z.boolean(),
});
export type PlannerHealthDay = z.infer<typeof PlannerHealthDay>;

export const PlannerHealthDaySummary = z.object({
  engagementId: z.uuid(),
  companyName: z.string(),
  engagementStatus: z.enum(ENGAGEMENT_STATUSES),
  /** Null while the company has not handed a day to this booking yet. */
  healthDay: HealthDaySummary.omit({ responsibleUserId: true, responsibleName: true }).nullable(),
});
export const PlannerHealthDayList = wholeList(PlannerHealthDaySummary);
export const EngagementIdParam = z.strictObject({ engagementId: z.uuid() });
export const PlannerModuleParams = z.strictObject({ engagementId: z.uuid(), moduleId: z.uuid() });
export const HealthDayListQuery = CursorQuery.extend({ status: HealthDayStatusSchema.optional() });
export const HealthDayList = cursorPage(HealthDaySummary);

/** An employee's view of an open health day: stations and their slots, free places and my own place. */
export const MyHealthDaySlot = z.object({
  id: z.uuid(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  capacity: z.number().int(),
  status: SessionStatus,
  freePlaces: z.number().int(),
  registrationOpen: z.boolean(),
  mine: MyPlace.nullable(),
});
export const MyHealthDay = z.object({
  id: z.uuid(),
  title: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  locations: z.array(z.string()),
  modules: z.array(
    z.object({ id: z.uuid(), title: z.string(), providerName: z.string(), location: z.string(), slots: z.array(MyHealthDaySlot) }),
  ),
});
export const MyHealthDayList = wholeList(MyHealthDay);

export const MyHealthDayPlace = z.object({
  healthDayId: z.uuid(),
  slotId: z.uuid(),
  title: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  status: ParticipationStatus,
  waitlistPosition: z.number().int().nullable(),
  changedAt: Timestamp,
});
export type MyHealthDayPlace = z.infer<typeof MyHealthDayPlace>;
