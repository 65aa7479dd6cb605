import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Mails sent while no SMTP server is configured (development), readable in the app. */
export const outboxMail = pgTable("outbox_mail", {
  id: text("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
