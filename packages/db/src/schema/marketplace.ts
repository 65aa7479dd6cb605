import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, pgTable, pgView, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

import { orgId } from "./tenant.js";

/** A provider organization's public profile. Readable by every signed-in user; writable by its own org. */
export const providerProfile = pgTable(
  "provider_profile",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    description: text("description").notNull().default(""),
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
    contactEmail: text("contact_email").notNull().default(""),
    website: text("website").notNull().default(""),
    isHealthInsurer: boolean("is_health_insurer").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("provider_profile_org_uq").on(t.orgId)],
);

/** A provider's service offering, with the integration fields of the partner marketplace. */
/** The columns of an offering; shared by the table and the public view below. */
const offeringColumns = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: orgId(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  category: text("category").notNull(),
  certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
  deliveryMode: text("delivery_mode", { enum: ["on_site", "remote", "hybrid"] }).notNull(),
  priceFromCents: integer("price_from_cents").notNull(),
  priceUnit: text("price_unit", { enum: ["flat", "per_participant", "per_day"] }).notNull(),
  turnaroundDays: integer("turnaround_days"),
  capacity: integer("capacity"),
  requiredDataScopes: text("required_data_scopes").array().notNull().default(sql`'{}'::text[]`),
  outputDataTypes: text("output_data_types").array().notNull().default(sql`'{}'::text[]`),
  integrationPoints: text("integration_points").array().notNull().default(sql`'{}'::text[]`),
  relevantPhases: integer("relevant_phases").array().notNull().default(sql`'{}'::integer[]`),
  relevantTasks: text("relevant_tasks").array().notNull().default(sql`'{}'::text[]`),
  status: text("status", { enum: ["draft", "published", "archived"] })
    .notNull()
    .default("draft"),
  /** Provider name copied in so full-text search finds "SurveyPro" too; kept in sync by the service. */
  providerName: text("provider_name").notNull().default(""),
  /** German full-text search: "Rücken" finds "Rückenschmerzen" through the german stemmer. */
  searchVector: tsvector("search_vector").generatedAlwaysAs(
    sql`setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(provider_name, '')), 'A') || setweight(to_tsvector('german', coalesce(description, '')), 'B')`,
  ),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const offering = pgTable("offering", offeringColumns(), (t) => [
  index("offering_org_idx").on(t.orgId),
  index("offering_status_idx").on(t.status, t.category),
  // The catalog is read far more than written: no GIN pending list that every search scans linearly.
  index("offering_search_idx").using("gin", t.searchVector).with({ fastupdate: false }),
  index("offering_phases_idx").using("gin", t.relevantPhases).with({ fastupdate: false }),
  index("offering_tasks_idx").using("gin", t.relevantTasks).with({ fastupdate: false }),
]);

/**
 * Published offerings are public to every signed-in user. Discovery reads them through this view
 * (created in migration 0006, owned by the schema owner) so that PostgreSQL can use the full-text
 * and array indexes: under row-level security it would not, because `@@` and `@>` are not
 * leakproof. Drafts and archived offerings stay behind the table's RLS policy.
 */
export const publishedOffering = pgView("published_offering", offeringColumns()).existing();
