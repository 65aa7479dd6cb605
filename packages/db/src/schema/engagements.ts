import { sql } from "drizzle-orm";
import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, user } from "./auth.js";
import { offering } from "./marketplace.js";
import { orgId } from "./tenant.js";

/**
 * A company's collaboration with a provider about one offering. Visible to both sides: the RLS
 * policy admits the company (org_id) and the provider (provider_org_id) explicitly.
 */
export const engagement = pgTable(
  "engagement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    providerOrgId: text("provider_org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offering.id, { onDelete: "restrict" }),
    taskKey: text("task_key"),
    phase: integer("phase"),
    status: text("status").notNull().default("requested"),
    brief: jsonb("brief").$type<Record<string, unknown>>().notNull(),
    /** Bumped on every transition; a transition names the version it saw, so two cannot both win. */
    version: integer("version").notNull().default(1),
    progressPercent: integer("progress_percent"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /**
     * Delivered results waiting for the company's answer. The results module owns the results; it
     * publishes the count with every result event and the engagements module keeps it here (events.ts).
     */
    pendingResults: integer("pending_results").notNull().default(0),
  },
  (t) => [index("engagement_org_idx").on(t.orgId, t.status), index("engagement_provider_idx").on(t.providerOrgId, t.status)],
);

export const quote = pgTable(
  "quote",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagement.id, { onDelete: "cascade" }),
    orgId: orgId(),
    providerOrgId: text("provider_org_id").notNull(),
    priceCents: integer("price_cents").notNull(),
    scopeOfWork: text("scope_of_work").notNull(),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    /** open → accepted | rejected | superseded | revision_requested */
    status: text("status").notNull().default("open"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("quote_engagement_idx").on(t.engagementId)],
);

/** The engagement's timeline: every transition, quote, message and progress update. */
export const engagementEvent = pgTable(
  "engagement_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagement.id, { onDelete: "cascade" }),
    orgId: orgId(),
    providerOrgId: text("provider_org_id").notNull(),
    kind: text("kind").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    actorUserId: text("actor_user_id").references(() => user.id, { onDelete: "set null" }),
    actorSide: text("actor_side").notNull(),
    message: text("message").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_event_engagement_idx").on(t.engagementId, t.id)],
);
