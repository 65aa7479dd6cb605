import { sql } from "drizzle-orm";
import { bigint, bigserial, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, user } from "./auth.js";
import { engagement } from "./engagements.js";
import { orgId } from "./tenant.js";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Messages between the two parties of an engagement (one thread per engagement, an optional topic per
 * message; ADR 0019). Like the engagement tables, the RLS policy admits the company (org_id) and the
 * provider (provider_org_id) and nobody else. Appended to, never rewritten.
 */
export const engagementMessage = pgTable(
  "engagement_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The thread's order and the read markers' position: increasing within the database. */
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagement.id, { onDelete: "cascade" }),
    orgId: orgId(),
    providerOrgId: text("provider_org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    senderSide: text("sender_side").notNull(),
    senderUserId: text("sender_user_id").references(() => user.id, { onDelete: "set null" }),
    topic: text("topic"),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("engagement_message_thread_idx").on(t.engagementId, t.seq),
    // The unread counts of the navigation: one side's messages across its engagements.
    index("engagement_message_org_idx").on(t.orgId, t.seq),
    index("engagement_message_provider_idx").on(t.providerOrgId, t.seq),
  ],
);

/** A message's files, checked by content like every upload; kept in the database beside the message (ADR 0019). */
export const engagementMessageAttachment = pgTable(
  "engagement_message_attachment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => engagementMessage.id, { onDelete: "cascade" }),
    engagementId: uuid("engagement_id").notNull(),
    orgId: orgId(),
    providerOrgId: text("provider_org_id").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_message_attachment_message_idx").on(t.messageId)],
);

/** How far each side of an engagement has read its thread (read/unread per side, not per person: ADR 0019). */
export const engagementMessageRead = pgTable(
  "engagement_message_read",
  {
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagement.id, { onDelete: "cascade" }),
    side: text("side").notNull(),
    orgId: orgId(),
    providerOrgId: text("provider_org_id").notNull(),
    lastReadSeq: bigint("last_read_seq", { mode: "number" }).notNull().default(sql`0`),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.side] })],
);
