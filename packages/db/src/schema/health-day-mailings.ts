import { index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { employee } from "./employees.js";
import { healthDay } from "./health-days.js";
import { participationSession } from "./participation.js";
import { orgId } from "./tenant.js";

/**
 * Who was invited to a health day (owner: the health-days module): one row per day and person, counting
 * the invitations sent, so a second invitation can say how many had been invited before. No address is
 * kept here; the mail goes to the register's work address at the time of sending.
 */
export const healthDayInvitation = pgTable(
  "health_day_invitation",
  {
    orgId: orgId(),
    healthDayId: uuid("health_day_id")
      .notNull()
      .references(() => healthDay.id, { onDelete: "cascade" }),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employee.id, { onDelete: "cascade" }),
    timesInvited: integer("times_invited").notNull().default(1),
    firstInvitedAt: timestamp("first_invited_at", { withTimezone: true }).notNull().defaultNow(),
    lastInvitedAt: timestamp("last_invited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.healthDayId, t.employeeId] }), index("health_day_invitation_org_idx").on(t.orgId, t.healthDayId)],
);

/**
 * The marker of the reminder the day before (owner: the health-days module): one row per slot and person
 * once the reminder was claimed. The primary key makes the claim idempotent across restarts and nodes: a
 * second run (or a second node at the same time) inserts nothing and so mails nothing.
 */
export const healthDayReminder = pgTable(
  "health_day_reminder",
  {
    orgId: orgId(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => participationSession.id, { onDelete: "cascade" }),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employee.id, { onDelete: "cascade" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.employeeId] }), index("health_day_reminder_org_idx").on(t.orgId)],
);
