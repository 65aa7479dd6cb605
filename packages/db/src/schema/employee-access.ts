import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { orgId } from "./tenant.js";

/**
 * The company's join link (owner: the employee-access module): employees without an account open
 * `/join/{token}` and get a sign-in link by mail to their address in the employee register. The token
 * itself is never stored: it is derived from the row's id with the installation's secret, and only its
 * SHA-256 is kept for the lookup (ADR 0012). At most one link per company is active; rotating or disabling
 * it sets `revoked_at`, so the old token is dead at once. Rows are kept as the history of the links.
 */
export const companyJoinLink = pgTable(
  "company_join_link",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedBy: text("revoked_by").references(() => user.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("company_join_link_token_uq").on(t.tokenHash),
    // One active link per company: two managers rotating at once cannot leave two live links.
    uniqueIndex("company_join_link_active_uq").on(t.orgId).where(sql`${t.revokedAt} IS NULL`),
    index("company_join_link_org_idx").on(t.orgId, t.createdAt),
  ],
);
