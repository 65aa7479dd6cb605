import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { employee } from "./employees.js";
import { healthDay, healthDayModule } from "./health-days.js";
import { orgId } from "./tenant.js";

/**
 * Anonymous feedback on a health day's station (owner: the health-days module, ADR 0016): a rating 1–5 and
 * an optional comment. The row names no person, carries no time and its id is random, so nothing in it leads
 * back to whoever gave it; it is only ever read as aggregates per station.
 */
export const healthDayFeedback = pgTable(
  "health_day_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    healthDayId: uuid("health_day_id")
      .notNull()
      .references(() => healthDay.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => healthDayModule.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    comment: text("comment"),
  },
  (t) => [
    index("health_day_feedback_module_idx").on(t.moduleId),
    check("health_day_feedback_rating_ck", sql`${t.rating} between 1 and 5`),
    check("health_day_feedback_comment_ck", sql`${t.comment} is null or length(${t.comment}) between 1 and 1000`),
  ],
);

/**
 * That a person answered for a station (ADR 0016): the primary key refuses a second answer. It holds no
 * rating, no time and no reference to the answer, so the two tables cannot be joined.
 */
export const healthDayFeedbackGiven = pgTable(
  "health_day_feedback_given",
  {
    orgId: orgId(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => healthDayModule.id, { onDelete: "cascade" }),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employee.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.employeeId] }), index("health_day_feedback_given_org_idx").on(t.orgId, t.employeeId)],
);
