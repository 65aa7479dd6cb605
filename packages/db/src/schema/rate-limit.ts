import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of the request limits (sign-in, sign-up, password reset, join links), shared by every API node
 * on the database (owner: platform, lib/rate-limit-store.ts). One row per limit and client key, counted in
 * fixed windows: the window starts with the first request and ends at `reset_at`. No personal data beyond
 * what the key holds (an address or a hashed e-mail); expired rows are deleted as new ones come in.
 */
export const rateLimit = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
});
