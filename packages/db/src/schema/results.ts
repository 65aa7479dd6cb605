import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, user } from "./auth.js";
import { engagement } from "./engagements.js";
import { orgId } from "./tenant.js";

/**
 * One version of a partner's structured result on an engagement. Shared by the two parties like the
 * engagement itself: org_id is the company, provider_org_id the partner who delivered it.
 */
export const partnerResult = pgTable(
  "partner_result",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    providerOrgId: text("provider_org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagement.id, { onDelete: "cascade" }),
    outputType: text("output_type").notNull(),
    version: integer("version").notNull(),
    /** Deliveries with the same series key replace each other (e.g. participation stats of one period). */
    seriesKey: text("series_key").notNull().default(""),
    /** submitted → accepted | changes_requested | superseded; an accepted version may later be superseded or sent back. */
    status: text("status").notNull().default("submitted"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    note: text("note").notNull().default(""),
    submittedBy: text("submitted_by").references(() => user.id, { onDelete: "set null" }),
    apiKeyId: uuid("api_key_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason").notNull().default(""),
    autoAccepted: boolean("auto_accepted").notNull().default(false),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("partner_result_version_uq").on(t.engagementId, t.outputType, t.version),
    index("partner_result_org_idx").on(t.orgId, t.outputType, t.status),
    index("partner_result_pending_idx").on(t.status, t.submittedAt),
  ],
);

/**
 * Where an accepted result landed and what it changed there, so taking it out again restores exactly
 * that. The company's alone (row-level security on org_id): the undo data holds the company's own
 * earlier values (an assessment date, an effectiveness text), which the partner must not read.
 * One row while the result is accepted; deleted when it is taken out.
 */
export const partnerResultLanding = pgTable("partner_result_landing", {
  resultId: uuid("result_id")
    .primaryKey()
    .references(() => partnerResult.id, { onDelete: "cascade" }),
  orgId: orgId(),
  /** The source snapshot shown next to everything the result put in place. */
  source: jsonb("source").$type<ResultSourceSnapshot>().notNull(),
  /** The landing handler's record of what it changed (see landings.ts). */
  undo: jsonb("undo").$type<Record<string, unknown>>().notNull(),
  landedAt: timestamp("landed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Files delivered with a result. The bytes live in file storage (outside the web root), named by storage_key. */
export const partnerResultFile = pgTable(
  "partner_result_file",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resultId: uuid("result_id")
      .notNull()
      .references(() => partnerResult.id, { onDelete: "cascade" }),
    orgId: orgId(),
    providerOrgId: text("provider_org_id").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("partner_result_file_result_idx").on(t.resultId)],
);

/** Snapshot of where a landed item came from (provider, offering, version, dates), kept with the item. */
export type ResultSourceSnapshot = Record<string, unknown>;
