import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A file sent with a mail; text content (calendar files), kept as it was sent. */
export interface OutboxAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Mails sent while no SMTP server is configured (development), readable in the app. */
export const outboxMail = pgTable("outbox_mail", {
  id: text("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  /** Attachments as sent (e.g. the .ics of a registration), so the development outbox shows them too. */
  attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
