import { z } from "zod";
import { OFFERING_CATEGORIES, type OfferingCategoryKey } from "../registries/offering-categories.js";
import {
  GKV_FIELD_OF_ACTION_KEYS,
  INTERVENTION_APPROACH_KEYS,
  MAX_SESSIONS_PER_SERIES,
  PARTICIPATION_STATUS_KEYS,
} from "../registries/participation.js";
import { LongText, ShortText, Timestamp } from "./common.js";
import { CursorQuery, cursorPage, wholeList } from "./lists.js";

/**
 * The company's side of participation tracking: interventions, their sessions, employees' places in them
 * and the attendance list. Everything here stays inside the company; what leaves it (partner views,
 * insurer reports) is an aggregate with its own schemas.
 */

const CATEGORY_KEYS = OFFERING_CATEGORIES.map((c) => c.key) as [OfferingCategoryKey, ...OfferingCategoryKey[]];

export const ParticipationStatus = z.enum(PARTICIPATION_STATUS_KEYS);
export type ParticipationStatus = z.infer<typeof ParticipationStatus>;
export const InterventionApproach = z.enum(INTERVENTION_APPROACH_KEYS);
export const GkvFieldOfAction = z.enum(GKV_FIELD_OF_ACTION_KEYS);
export const InterventionCategory = z.enum(CATEGORY_KEYS);
/** open: employees can register; closed: done, kept for reports; cancelled: called off. */
export const RunningInterventionStatus = z.enum(["open", "closed", "cancelled"]);
export const SessionStatus = z.enum(["scheduled", "cancelled"]);

/** A ZPP course id or similar certification reference for §20 SGB V courses. */
export const CertificationId = z.string().trim().min(1).max(100);
/** Only http(s) links: an online session's link is shown to every employee as a link. */
export const OnlineUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe("Online session link (http or https)");

/** Seats of one session: what the attendance list and the start page count. */
export const SessionCounts = z.object({
  registered: z.number().int().describe("People holding a place: registered, attended or no-show"),
  waitlisted: z.number().int(),
  attended: z.number().int(),
  noShow: z.number().int(),
});

export const Session = z.object({
  id: z.uuid(),
  interventionId: z.uuid(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int(),
  registrationDeadline: Timestamp.nullable(),
  waitlistEnabled: z.boolean(),
  status: SessionStatus,
  counts: SessionCounts,
});
export type Session = z.infer<typeof Session>;

export const Intervention = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  category: InterventionCategory,
  fieldOfAction: GkvFieldOfAction,
  approach: InterventionApproach,
  targetGroup: z.string(),
  providerOrgId: z.string().nullable(),
  providerName: z.string().nullable(),
  engagementId: z.uuid().nullable(),
  plannedInterventionId: z.uuid().nullable(),
  certificationId: z.string().nullable().describe("§20 SGB V certification, e.g. the ZPP course id"),
  costCents: z.number().int().nullable().describe("Total cost to the company, for the tax-free health budget"),
  status: RunningInterventionStatus,
  sessions: z.array(Session),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Intervention = z.infer<typeof Intervention>;

/** One line of the manager's intervention list: the intervention without its sessions, with their totals. */
export const InterventionSummary = Intervention.omit({ sessions: true }).extend({
  sessionCount: z.number().int().describe("Sessions that are not cancelled"),
  nextSessionStartsAt: Timestamp.nullable().describe("Start of the next scheduled session, null when none is ahead"),
  counts: SessionCounts.describe("Summed over the sessions that are not cancelled"),
});
export type InterventionSummary = z.infer<typeof InterventionSummary>;
export const RunningInterventionList = cursorPage(InterventionSummary);
export const RunningInterventionListQuery = CursorQuery.extend({ status: RunningInterventionStatus.optional() });

/** Where a new intervention comes from; the source's fields prefill what the request leaves out. */
export const InterventionSource = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("direct") }),
  z.strictObject({ kind: z.literal("planned"), plannedInterventionId: z.uuid() }),
  z.strictObject({ kind: z.literal("engagement"), engagementId: z.uuid() }),
]);

const InterventionFields = {
  title: ShortText,
  description: LongText,
  category: InterventionCategory,
  fieldOfAction: GkvFieldOfAction,
  approach: InterventionApproach,
  targetGroup: z.string().trim().max(200),
  certificationId: CertificationId.nullable(),
  costCents: z.number().int().min(0).max(100_000_000).nullable(),
};

/** Fields the source does not supply are required by the service (a direct intervention needs a title, …). */
export const CreateIntervention = z.strictObject({
  source: InterventionSource.default({ kind: "direct" }),
  ...z.object(InterventionFields).partial().shape,
});
export type CreateIntervention = z.infer<typeof CreateIntervention>;

/** The status changes through close, reopen and cancel (which tell the people concerned), not here. */
export const UpdateIntervention = z
  .strictObject(InterventionFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });

const SessionFields = z.strictObject({
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string().trim().max(200).default(""),
  onlineUrl: OnlineUrl.nullable().default(null),
  capacity: z.number().int().min(1).max(10_000),
  registrationDeadline: Timestamp.nullable().default(null),
  waitlistEnabled: z.boolean().default(true),
});

/** One session, or a weekly series created in one step (e.g. 8 weekly course dates). */
export const CreateSessions = SessionFields.extend({
  repeat: z
    .strictObject({
      everyWeeks: z.number().int().min(1).max(4).default(1),
      count: z.number().int().min(2).max(MAX_SESSIONS_PER_SERIES),
    })
    .optional()
    .describe("A weekly series: `count` sessions, `everyWeeks` apart, at the same local time in Europe/Berlin (the deadline moves along)"),
})
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: "A session ends after it starts", path: ["endsAt"] })
  .refine((s) => s.registrationDeadline === null || Date.parse(s.registrationDeadline) <= Date.parse(s.startsAt), {
    message: "The registration deadline is at the latest when the session starts",
    path: ["registrationDeadline"],
  });
export type CreateSessions = z.infer<typeof CreateSessions>;

export const UpdateSession = z
  .strictObject({
    startsAt: Timestamp,
    endsAt: Timestamp,
    location: z.string().trim().max(200),
    onlineUrl: OnlineUrl.nullable(),
    capacity: z.number().int().min(1).max(10_000),
    registrationDeadline: Timestamp.nullable(),
    waitlistEnabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });

/** An employee's own place in one session. */
export const MyPlace = z.object({
  status: ParticipationStatus,
  /** 1-based position on the waitlist, when waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  changedAt: Timestamp,
});

/** A session on an employee's start page: what they can register for, and their own place in it. */
export const OpenSession = Session.omit({ counts: true }).extend({
  freePlaces: z.number().int(),
  registrationOpen: z.boolean(),
  mine: MyPlace.nullable(),
});
export const OpenIntervention = Intervention.pick({
  id: true,
  title: true,
  description: true,
  category: true,
  targetGroup: true,
  providerName: true,
  certificationId: true,
}).extend({ sessions: z.array(OpenSession) });
export type OpenIntervention = z.infer<typeof OpenIntervention>;

/** One row of an employee's own history (interventions they registered for, attended, …). */
export const MyParticipation = z.object({
  sessionId: z.uuid(),
  /** Null for a time slot of a health-day station (its title is the station's). */
  interventionId: z.uuid().nullable(),
  interventionTitle: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  onlineUrl: z.string().nullable(),
  sessionStatus: SessionStatus,
  status: ParticipationStatus,
  waitlistPosition: z.number().int().nullable(),
  changedAt: Timestamp,
});
export type MyParticipation = z.infer<typeof MyParticipation>;
export const MyParticipationList = cursorPage(MyParticipation);
export const OpenInterventionList = wholeList(OpenIntervention);

/** One line of the manager's attendance list (names stay inside the company). */
export const AttendanceRow = z.object({
  employeeId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  department: z.string(),
  status: ParticipationStatus,
  walkIn: z.boolean(),
  waitlistPosition: z.number().int().nullable(),
  changedAt: Timestamp,
  changedByName: z.string().nullable(),
});
export const AttendanceList = z.object({
  session: Session.extend({ interventionId: z.uuid().nullable().describe("Null for a time slot of a health-day station") }),
  interventionTitle: z.string().describe("The intervention's title, or for a health-day slot „day – station“"),
  healthDay: z
    .object({ healthDayId: z.uuid(), healthDayTitle: z.string(), stationId: z.uuid(), stationTitle: z.string() })
    .nullable()
    .optional()
    .describe("For a health-day slot: its day and station (ADR 0014)"),
  rows: z.array(AttendanceRow),
  attendanceOpensAt: Timestamp.describe(
    "From when marks and walk-ins are taken: half an hour before the start (earlier: 422 `session_not_started`)",
  ),
  /** "28/32 teilgenommen (87,5 %)": attended of everyone expected (registered, attended, no-show). */
  summary: z.object({ attended: z.number().int(), expected: z.number().int(), rate: z.number().nullable() }),
});
export type AttendanceList = z.infer<typeof AttendanceList>;

export const SetAttendance = z.strictObject({
  status: z.enum(["attended", "no_show", "registered"]).describe("`registered` takes a mark back (a correction)"),
});
export const AddWalkIn = z.strictObject({ employeeId: z.uuid().describe("An active person of the employee register") });
export const SessionEmployeeParams = z.strictObject({ id: z.uuid(), employeeId: z.uuid() });

/** My place in one session of a course after registering for (or cancelling) the whole course. */
export const CourseSessionPlace = z.object({
  sessionId: z.uuid(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  status: ParticipationStatus.nullable().describe("My place in this session after the call; null when I have no row"),
  waitlistPosition: z.number().int().nullable(),
  changed: z.boolean().describe("This call changed my place in this session"),
  skipped: z
    .enum(["registration_closed", "attendance_recorded"])
    .nullable()
    .describe(
      "Why this session was left as it was: its registration deadline has passed (registering), or attendance is already recorded (cancelling)",
    ),
});
export type CourseSessionPlace = z.infer<typeof CourseSessionPlace>;

/** The whole course at once: every scheduled session still ahead, in start order, with my place in each. */
export const CourseRegistration = z.object({
  interventionId: z.uuid(),
  interventionTitle: z.string(),
  sessions: z.array(CourseSessionPlace),
  counts: z.object({
    registered: z.number().int().describe("Sessions ahead in which I hold a place"),
    waitlisted: z.number().int().describe("Sessions ahead in which I wait"),
  }),
});
export type CourseRegistration = z.infer<typeof CourseRegistration>;
