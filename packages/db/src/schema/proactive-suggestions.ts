import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { offering } from "./marketplace.js";
import { orgId } from "./tenant.js";

/**
 * Proactive partner suggestions (issue 15, 5.5; ADR 0022). One row per company and offering, ever: an
 * offering is suggested to a company once, and a dismissed one stays dismissed (the unique index is what
 * makes "never again" and a job that runs twice safe).
 */
export const proactiveSuggestion = pgTable(
  "proactive_suggestion",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offering.id, { onDelete: "cascade" }),
    /** What made the matching run: survey, ergonomics, participation, phase, goal. */
    topic: text("topic").notNull(),
    /** The matching's reasons when the suggestion was made ({ kind, text: { de, en } }[]). */
    reasons: jsonb("reasons").notNull().$type<{ kind: string; text: { de: string; en: string } }[]>(),
    score: integer("score").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    dismissedBy: text("dismissed_by").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("proactive_suggestion_offering_idx").on(t.orgId, t.offeringId),
    index("proactive_suggestion_created_idx").on(t.orgId, t.createdAt),
  ],
);

/** The notifications sent, per company and topic: at most one per topic in seven days. */
export const proactiveNotice = pgTable(
  "proactive_notice",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    topic: text("topic").notNull(),
    suggestions: integer("suggestions").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proactive_notice_topic_idx").on(t.orgId, t.topic, t.sentAt)],
);

/** A manager's opt-in to the weekly e-mail digest, and when the digest last ran for them. */
export const proactiveDigest = pgTable(
  "proactive_digest",
  {
    orgId: orgId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(false),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);
