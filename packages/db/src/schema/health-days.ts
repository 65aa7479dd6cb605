import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, user } from "./auth.js";
import { engagement } from "./engagements.js";
import { offering } from "./marketplace.js";
import { orgId } from "./tenant.js";

/**
 * Health days (owner: the health-days module). A company's event day with stations (`health_day_module`),
 * each booked from a marketplace offering through an engagement. A station's time slots are
 * `participation_session` rows (ADR 0014): registrations, waitlist and attendance are participation's core.
 */
export const healthDay = pgTable(
  "health_day",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text("title").notNull(),
    /** Calendar dates in Germany; a one-day event has ends_on = starts_on. */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** The rooms or places of the day ("Kantine", "Raum 2.14"); stations name one of them. */
    locations: text("locations").array().notNull().default(sql`'{}'::text[]`),
    expectedHeadcount: integer("expected_headcount"),
    budgetCents: integer("budget_cents"),
    mode: text("mode", { enum: ["diy", "full_service"] })
      .notNull()
      .default("diy"),
    status: text("status", { enum: ["planning", "preparation", "registration_open", "live", "done", "cancelled"] })
      .notNull()
      .default("planning"),
    responsibleUserId: text("responsible_user_id").references(() => user.id, { onDelete: "set null" }),
    /**
     * Full-service mode: the company's engagement with the planner (a full-service offering, e.g. a health
     * insurer) that plans the day on its behalf. The planner reaches the day only through this engagement,
     * in two steps as for partner reads (its own tenant finds the engagement, the company's tenant the day).
     */
    plannerEngagementId: uuid("planner_engagement_id").references(() => engagement.id, { onDelete: "set null" }),
    /** Stations the planner adds above this cost need the company's approval one by one; null: every one does. */
    approvalLimitCents: integer("approval_limit_cents"),
    /** When the company last approved the planner's plan and budget as a whole. */
    planApprovedAt: timestamp("plan_approved_at", { withTimezone: true }),
    planApprovedBy: text("plan_approved_by").references(() => user.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("health_day_org_idx").on(t.orgId, t.startsOn),
    // One full-service booking plans one (possibly multi-day) event.
    uniqueIndex("health_day_planner_engagement_uq").on(t.plannerEngagementId),
    check("health_day_approval_limit_ck", sql`${t.approvalLimitCents} IS NULL OR ${t.approvalLimitCents} >= 0`),
    check("health_day_dates_ck", sql`${t.endsOn} >= ${t.startsOn}`),
    check("health_day_budget_ck", sql`${t.budgetCents} IS NULL OR ${t.budgetCents} >= 0`),
    check("health_day_headcount_ck", sql`${t.expectedHeadcount} IS NULL OR ${t.expectedHeadcount} > 0`),
  ],
);

/**
 * A station of the day: one offering of one provider at one place. Its booking status is not stored:
 * it follows the engagement (requested → pending quote → confirmed, or declined), read when shown.
 */
export const healthDayModule = pgTable(
  "health_day_module",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    healthDayId: uuid("health_day_id")
      .notNull()
      .references(() => healthDay.id, { onDelete: "cascade" }),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offering.id, { onDelete: "restrict" }),
    providerOrgId: text("provider_org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    engagementId: uuid("engagement_id").references(() => engagement.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    location: text("location").notNull().default(""),
    /** What the company plans to spend on the station (the budget's "planned" column). */
    costCents: integer("cost_cents").notNull().default(0),
    notes: text("notes").notNull().default(""),
    /**
     * The company's approval of a station its planner added (full-service mode): `not_required` for the
     * company's own stations and for the planner's up to the approval limit, else `pending` until the
     * company approves or rejects it.
     */
    approval: text("approval", { enum: ["not_required", "pending", "approved", "rejected"] })
      .notNull()
      .default("not_required"),
    /** The planner organization that added the station on the company's behalf; null: the company itself. */
    addedByOrgId: text("added_by_org_id").references(() => organization.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: text("approved_by").references(() => user.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("health_day_module_day_idx").on(t.healthDayId, t.createdAt),
    index("health_day_module_engagement_idx").on(t.engagementId),
    check("health_day_module_cost_ck", sql`${t.costCents} >= 0`),
  ],
);
