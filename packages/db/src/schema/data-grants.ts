import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, user } from "./auth.js";
import { engagement } from "./engagements.js";
import { orgId } from "./tenant.js";

/**
 * A consent receipt: one scope granted by a company to the provider of one engagement, with the
 * fields and purpose exactly as shown (registry version), who granted it, until when, and — once
 * revoked or ended — who and why. Rows are never deleted.
 */
export const dataGrant = pgTable(
  "data_grant",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    providerOrgId: text("provider_org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagement.id, { onDelete: "cascade" }),
    scopeKey: text("scope_key").notNull(),
    scopeVersion: integer("scope_version").notNull(),
    fields: text("fields").array().notNull(),
    purposeDe: text("purpose_de").notNull(),
    purposeEn: text("purpose_en").notNull(),
    previewDe: text("preview_de").notNull(),
    previewEn: text("preview_en").notNull(),
    /** Narrowing of narrowable scopes (departments / employee ids). */
    narrowing: jsonb("narrowing").$type<{ departments?: string[]; employeeIds?: string[] }>().notNull().default(sql`'{}'::jsonb`),
    grantedBy: text("granted_by").references(() => user.id, { onDelete: "set null" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedBy: text("revoked_by").references(() => user.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** "revoked" by a manager, or "engagement_ended" when the engagement completed or was cancelled. */
    endReason: text("end_reason"),
  },
  (t) => [index("data_grant_engagement_idx").on(t.engagementId, t.scopeKey), index("data_grant_org_idx").on(t.orgId)],
);

/** Every partner data request, served or denied. Append-only. */
export const dataAccessLog = pgTable(
  "data_access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The company whose data was asked for (null when the request named nothing that resolves to one). */
    orgId: text("org_id"),
    providerOrgId: text("provider_org_id").notNull(),
    engagementId: uuid("engagement_id"),
    grantId: uuid("grant_id"),
    scopeKey: text("scope_key").notNull(),
    actorUserId: text("actor_user_id"),
    apiKeyId: uuid("api_key_id"),
    outcome: text("outcome", { enum: ["served", "denied"] }).notNull(),
    reason: text("reason"),
    recordCount: integer("record_count").notNull().default(0),
    format: text("format"),
    /** Employees whose name/e-mail were in the response (Art. 15 DSGVO: who received my data). */
    subjectEmployeeIds: uuid("subject_employee_ids").array().notNull().default(sql`'{}'::uuid[]`),
    ip: text("ip"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("data_access_log_org_idx").on(t.orgId, t.id), index("data_access_log_provider_idx").on(t.providerOrgId, t.id)],
);
