import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { orgId } from "./tenant.js";

export const legalRequirement = pgTable(
  "legal_requirement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    requirementKey: text("requirement_key").notNull(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    assessmentDate: date("assessment_date", { mode: "string" }),
    effectivenessCheck: text("effectiveness_check").notNull().default(""),
    /** The day of the effectiveness check: it must not be older than the last measure carried out. */
    effectivenessCheckedOn: date("effectiveness_checked_on", { mode: "string" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("legal_requirement_org_key_uq").on(t.orgId, t.requirementKey)],
);

export const legalRequirementStep = pgTable(
  "legal_requirement_step",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => legalRequirement.id, { onDelete: "cascade" }),
    stepKey: text("step_key").notNull(),
    position: integer("position").notNull(),
    done: boolean("done").notNull().default(false),
    notes: text("notes").notNull().default(""),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("legal_requirement_step_uq").on(t.requirementId, t.stepKey)],
);

export const legalMeasure = pgTable(
  "legal_measure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => legalRequirement.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerName: text("owner_name").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    carriedOutAt: date("carried_out_at", { mode: "string" }),
    proof: text("proof").notNull().default(""),
    /** Set when a partner result created the measure; it goes again when that result is taken out. */
    sourceResultId: uuid("source_result_id"),
    source: jsonb("source").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("legal_measure_req_idx").on(t.requirementId)],
);

/** Reopen triggers and completions: the requirement's own history. */
export const legalRequirementEvent = pgTable(
  "legal_requirement_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => legalRequirement.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    note: text("note").notNull().default(""),
    actorUserId: text("actor_user_id").references(() => user.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("legal_requirement_event_req_idx").on(t.requirementId)],
);
