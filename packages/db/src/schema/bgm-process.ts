import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { partnerResult, type ResultSourceSnapshot } from "./results.js";
import { orgId } from "./tenant.js";

export const bgmProject = pgTable(
  "bgm_project",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    currentPhase: integer("current_phase").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bgm_project_org_uq").on(t.orgId)],
);

export const bgmTask = pgTable(
  "bgm_task",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => bgmProject.id, { onDelete: "cascade" }),
    taskKey: text("task_key").notNull(),
    phase: integer("phase").notNull(),
    status: text("status", { enum: ["open", "in_progress", "done"] })
      .notNull()
      .default("open"),
    ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    notes: text("notes").notNull().default(""),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bgm_task_project_key_uq").on(t.projectId, t.taskKey), index("bgm_task_org_idx").on(t.orgId)],
);

export const goal = pgTable(
  "goal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => bgmProject.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    target: text("target").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status", { enum: ["active", "achieved", "dropped"] })
      .notNull()
      .default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("goal_org_idx").on(t.orgId)],
);

/** Custom KPI cards added by later features (e.g. a partner's participation stats). */
export const kpiCard = pgTable(
  "kpi_card",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    cardKey: text("card_key").notNull(),
    titleDe: text("title_de").notNull(),
    titleEn: text("title_en").notNull(),
    /** Exact, not rounded: a rate of 87.5 % is shown as 87.5. */
    value: doublePrecision("value"),
    unit: text("unit"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    source: text("source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kpi_card_org_key_uq").on(t.orgId, t.cardKey)],
);

/** Phase 3 Planning: interventions proposed by a partner's plan, adopted (or dismissed) one by one. */
export const plannedIntervention = pgTable(
  "planned_intervention",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    sourceResultId: uuid("source_result_id").references(() => partnerResult.id, { onDelete: "set null" }),
    source: jsonb("source").$type<ResultSourceSnapshot>(),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: text("category").notNull(),
    targetGroup: text("target_group").notNull(),
    schedule: text("schedule").notNull(),
    costEstimateCents: integer("cost_estimate_cents").notNull(),
    goalId: uuid("goal_id"),
    /** The goal as the partner named it, shown when it matches none of the company's goals. */
    proposedGoal: text("proposed_goal"),
    status: text("status").notNull().default("proposed"),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("planned_intervention_org_idx").on(t.orgId, t.status)],
);
