import { z } from "zod";
import { ENGAGEMENT_ACTIONS, ENGAGEMENT_STATUSES } from "../registries/engagement-states.js";
import { IsoDate, LongText, ShortText, Timestamp } from "./common.js";
import { CursorQuery, cursorPage } from "./lists.js";

export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);
export const EngagementActionSchema = z.enum(ENGAGEMENT_ACTIONS);

export const Brief = z.strictObject({
  what: ShortText.describe("What the company needs"),
  when: z.string().trim().max(200).default(""),
  employeeCount: z.number().int().min(1).max(100_000).nullable().default(null),
  budgetCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
  message: LongText.default(""),
});

export const CreateEngagement = z.strictObject({
  offeringId: z.uuid(),
  taskKey: z.string().max(64).nullable().default(null),
  brief: Brief,
});

export const Quote = z.object({
  id: z.uuid(),
  priceCents: z.number().int(),
  scopeOfWork: z.string(),
  validUntil: IsoDate,
  status: z.enum(["open", "accepted", "rejected", "superseded", "revision_requested"]),
  expired: z.boolean(),
  createdAt: Timestamp,
});
export const CreateQuote = z.strictObject({
  priceCents: z.number().int().min(0).max(100_000_000),
  scopeOfWork: z.string().trim().min(1).max(5000),
  validUntil: IsoDate,
  message: LongText.default(""),
});

export const TimelineEvent = z.object({
  id: z.number().int(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorSide: z.enum(["company", "provider", "system"]),
  actorName: z.string().nullable(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: Timestamp,
});

export const EngagementSummary = z.object({
  id: z.uuid(),
  status: EngagementStatusSchema,
  version: z.number().int(),
  companyOrgId: z.string(),
  companyName: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  offeringId: z.uuid(),
  offeringTitle: z.string(),
  taskKey: z.string().nullable(),
  phase: z.number().int().nullable(),
  progressPercent: z.number().int().nullable(),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  nextActionBy: z.enum(["company", "provider"]).nullable(),
  /** Results delivered and waiting for the company's answer. */
  pendingResults: z.number().int(),
});
export const Engagement = EngagementSummary.extend({
  endedAt: Timestamp.nullable(),
  brief: Brief,
  quotes: z.array(Quote),
  timeline: z.array(TimelineEvent),
  /** What the caller's side may do now, from the state machine. */
  allowedActions: z.array(EngagementActionSchema),
  /** The data scopes the offering requests: after accepting the quote, the company decides on each (data grants). */
  requestedDataScopes: z.array(z.string()),
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementListQuery = CursorQuery.extend({
  status: EngagementStatusSchema.optional(),
  phase: z.coerce.number().int().min(1).max(6).optional(),
});
export const EngagementList = cursorPage(EngagementSummary);

export const TransitionRequest = z.strictObject({
  action: EngagementActionSchema,
  message: LongText.default(""),
  /** The version the caller saw; a stale version is a 409 so two clicks cannot both win. */
  expectedVersion: z.number().int().min(1).optional(),
});
export const ProgressUpdate = z.strictObject({
  percent: z.number().int().min(0).max(100),
  message: ShortText,
});

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export const NotificationList = cursorPage(Notification).extend({
  unread: z.number().int().describe("Unread notifications in all pages"),
});
