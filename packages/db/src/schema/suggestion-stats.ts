import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { offering } from "./marketplace.js";
import { orgId } from "./tenant.js";

/**
 * How often an offering was suggested to, opened by and requested by companies, per day and kind of need
 * (ADR 0024). `org_id` is the offering's provider, the only reader. No company id is stored: each action
 * keeps a 64-bit distinct-company sketch whose bit per company changes every week, so a week's counts can
 * be withheld while fewer than the minimum group size of companies stand behind them. Written only through
 * the SQL function `suggestion_stat_count` (migration 0033).
 */
export const suggestionStat = pgTable(
  "suggestion_stat",
  {
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offering.id, { onDelete: "cascade" }),
    orgId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    /** The lead reason's kind for suggestions (task, goal, survey, phase, fit); `none` for opened/requested. */
    needKind: text("need_kind").notNull(),
    suggested: integer("suggested").notNull().default(0),
    opened: integer("opened").notNull().default(0),
    requested: integer("requested").notNull().default(0),
    suggestedCompanies: bigint("suggested_companies", { mode: "bigint" }).notNull().default(0n),
    openedCompanies: bigint("opened_companies", { mode: "bigint" }).notNull().default(0n),
    requestedCompanies: bigint("requested_companies", { mode: "bigint" }).notNull().default(0n),
  },
  (t) => [primaryKey({ columns: [t.offeringId, t.day, t.needKind] }), index("suggestion_stat_org_day_idx").on(t.orgId, t.day)],
);

/**
 * The counters' inbox: one row per counted action, appended by `suggestion_stat_count` (no lock shared between
 * concurrent requests) and folded into `suggestion_stat` by `suggestion_stat_fold` when the provider reads.
 * No company id: only the company's bit of the week. Nobody but the two functions reads or writes it.
 */
export const suggestionEvent = pgTable(
  "suggestion_event",
  {
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offering.id, { onDelete: "cascade" }),
    orgId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    needKind: text("need_kind").notNull(),
    action: text("action", { enum: ["suggested", "opened", "requested"] }).notNull(),
    companyBit: bigint("company_bit", { mode: "bigint" }).notNull(),
  },
  (t) => [index("suggestion_event_org_idx").on(t.orgId)],
);
