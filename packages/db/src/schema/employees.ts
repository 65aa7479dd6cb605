import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { orgId } from "./tenant.js";

export const employee = pgTable(
  "employee",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    department: text("department").notNull(),
    location: text("location").notNull().default(""),
    active: boolean("active").notNull().default(true),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // E-mail addresses are case-insensitive in practice; one person, one row per company.
    uniqueIndex("employee_org_email_uq").on(t.orgId, sql`lower(${t.email})`),
    index("employee_org_dept_idx").on(t.orgId, t.department),
  ],
);
