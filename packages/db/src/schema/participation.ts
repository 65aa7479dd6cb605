import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, user } from "./auth.js";
import { plannedIntervention } from "./bgm-process.js";
import { employee } from "./employees.js";
import { engagement } from "./engagements.js";
import { healthDayModule } from "./health-days.js";
import { orgId } from "./tenant.js";

/**
 * Participation tracking (owner: the participation module). One core for everything employees register
 * for: a bookable `participation_session` with capacity and deadline, and one `participation` row per
 * employee × session. A session belongs to exactly one parent: an intervention, or a health-day station
 * (its time slot, ADR 0014).
 */
export const intervention = pgTable(
  "intervention",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: text("category").notNull(),
    fieldOfAction: text("field_of_action").notNull(),
    approach: text("approach", { enum: ["behavioural", "structural"] }).notNull(),
    targetGroup: text("target_group").notNull().default(""),
    providerOrgId: text("provider_org_id").references(() => organization.id, { onDelete: "set null" }),
    engagementId: uuid("engagement_id").references(() => engagement.id, { onDelete: "set null" }),
    plannedInterventionId: uuid("planned_intervention_id").references(() => plannedIntervention.id, {
      onDelete: "set null",
    }),
    certificationId: text("certification_id"),
    costCents: integer("cost_cents"),
    status: text("status", { enum: ["open", "closed", "cancelled"] })
      .notNull()
      .default("open"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("intervention_org_idx").on(t.orgId, t.createdAt), index("intervention_engagement_idx").on(t.engagementId)],
);

export const participationSession = pgTable(
  "participation_session",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    interventionId: uuid("intervention_id").references(() => intervention.id, { onDelete: "cascade" }),
    healthDayModuleId: uuid("health_day_module_id").references(() => healthDayModule.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location").notNull().default(""),
    onlineUrl: text("online_url"),
    capacity: integer("capacity").notNull(),
    registrationDeadline: timestamp("registration_deadline", { withTimezone: true }),
    waitlistEnabled: boolean("waitlist_enabled").notNull().default(true),
    status: text("status", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    /** RFC 5545 SEQUENCE: raised on every change so calendars replace the event they hold. */
    icsSequence: integer("ics_sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("participation_session_org_start_idx").on(t.orgId, t.startsAt),
    index("participation_session_intervention_idx").on(t.interventionId, t.startsAt),
    index("participation_session_health_day_module_idx").on(t.healthDayModuleId, t.startsAt),
    check("participation_session_capacity_ck", sql`${t.capacity} > 0`),
    check("participation_session_time_ck", sql`${t.endsAt} > ${t.startsAt}`),
    // Exactly one parent: an intervention's session or a health-day station's time slot.
    check("participation_session_parent_ck", sql`num_nonnulls(${t.interventionId}, ${t.healthDayModuleId}) = 1`),
  ],
);

export const participation = pgTable(
  "participation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => participationSession.id, { onDelete: "cascade" }),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employee.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["registered", "waitlisted", "cancelled", "attended", "no_show"] }).notNull(),
    /** Added at the door by the manager, without a registration. */
    walkIn: boolean("walk_in").notNull().default(false),
    /** Order of the waitlist: when the person (last) asked for a place. */
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    changedBy: text("changed_by").references(() => user.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One row per person and session: registering twice is impossible, re-registering reuses the row.
    uniqueIndex("participation_session_employee_uq").on(t.sessionId, t.employeeId),
    index("participation_session_status_idx").on(t.sessionId, t.status, t.queuedAt),
    index("participation_org_employee_idx").on(t.orgId, t.employeeId),
    // Aggregates per session under row-level security (org_id is the policy's condition) as index-only scans:
    // the partner API's per-session counts and the reports' distinct people (migration 0016, ADR 0013).
    index("participation_session_org_status_idx").on(t.sessionId, t.orgId, t.status, t.employeeId),
  ],
);

/**
 * The places of each session, counted as the partner read counts them: attended (status `attended`) and not
 * attended (`registered` or `no_show`). Written only by statement triggers on `participation` (migration 0035,
 * ADR 0013), in the statement that changes the places, so the counts are exact at every commit; the app role
 * reads them. A session without a row has no such places (0 / 0). No CHECK (>= 0): the triggers' upsert
 * proposes a row with the (negative) change itself, and PostgreSQL checks it before it finds the conflict.
 */
export const participationSessionCount = pgTable("participation_session_count", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => participationSession.id, { onDelete: "cascade" }),
  orgId: orgId(),
  attended: integer("attended").notNull().default(0),
  notAttended: integer("not_attended").notNull().default(0),
});

/**
 * How the company protects its participation figures (ADR 0013): no count about fewer people than
 * `min_group_size` leaves the server. No row means the default (MIN_GROUP_SIZE, 5); a company may raise it,
 * never lower it. Written by the participation module's settings route, audited.
 */
export const participationSettings = pgTable(
  "participation_settings",
  {
    orgId: orgId().primaryKey(),
    minGroupSize: integer("min_group_size").notNull(),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("participation_settings_min_group_size_ck", sql`${t.minGroupSize} >= 5 AND ${t.minGroupSize} <= 50`)],
);
