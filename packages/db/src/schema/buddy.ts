import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { orgId } from "./tenant.js";

/**
 * The partner buddy's conversations (issue 15, 5.2; ADR 0023): kept per user of a company, read and
 * deleted only by that user (the service filters by user, RLS confines to the company); never shared with partners.
 */
export const buddyConversation = pgTable(
  "buddy_conversation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** The first question, shortened: the history list's label. */
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("buddy_conversation_user_idx").on(t.orgId, t.userId, t.updatedAt)],
);

/** One question and its answer: the offerings shown (ids) and which model answered ("rules" for the rules). */
export const buddyTurn = pgTable(
  "buddy_turn",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => buddyConversation.id, { onDelete: "cascade" }),
    orgId: orgId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: jsonb("answer").$type<{ de: string; en: string }>().notNull(),
    offeringIds: jsonb("offering_ids").$type<string[]>().notNull().default([]),
    /** The reasons each offering was shown with, by offering id (as the answer showed them). */
    reasons: jsonb("reasons")
      .$type<Record<string, { kind: "task" | "phase" | "goal" | "survey" | "fit"; text: { de: string; en: string } }[]>>()
      .notNull()
      .default({}),
    model: text("model").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("buddy_turn_conversation_idx").on(t.conversationId, t.createdAt)],
);
