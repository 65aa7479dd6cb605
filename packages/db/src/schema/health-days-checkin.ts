import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { healthDay } from "./health-days.js";
import { participation, participationSession } from "./participation.js";
import { orgId } from "./tenant.js";

/**
 * Scans at a health day's check-in (owner: the health-days module). Every scan a phone sent is kept,
 * whatever it came to: the nonce the device made for it is unique per day, so a batch synced twice
 * (an offline queue retried) finds its scans already there and changes nothing. A second scan of one
 * ticket is a row of its own, flagged `duplicate`; attendance itself is the participation row's status.
 */
export const healthDayCheckIn = pgTable(
  "health_day_check_in",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    healthDayId: uuid("health_day_id")
      .notNull()
      .references(() => healthDay.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    /** Set when the ticket is one of this day's slots (a forged or foreign ticket has none). */
    slotId: uuid("slot_id").references(() => participationSession.id, { onDelete: "cascade" }),
    participationId: uuid("participation_id").references(() => participation.id, { onDelete: "set null" }),
    /** The device's clock when the ticket was scanned (offline scans arrive later). */
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    deviceId: text("device_id").notNull(),
    outcome: text("outcome", {
      enum: ["checked_in", "duplicate", "refused_cancelled", "refused_foreign", "refused_not_open", "invalid"],
    }).notNull(),
    scannedBy: text("scanned_by").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("health_day_check_in_nonce_uq").on(t.healthDayId, t.nonce),
    index("health_day_check_in_slot_idx").on(t.slotId, t.outcome),
    index("health_day_check_in_participation_idx").on(t.participationId),
    check("health_day_check_in_nonce_ck", sql`length(${t.nonce}) between 8 and 64`),
  ],
);
