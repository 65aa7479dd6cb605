import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { orgId } from "./tenant.js";

/**
 * A company's OpenID Connect provider (owner: the sso module, ADR 0021). One per company. The client secret
 * is stored sealed (AES-256-GCM with a key derived from AUTH_SECRET) and never leaves the API.
 * `role_claim` + `role_mapping` map a claim value of the ID token to a member role; otherwise `default_role`.
 */
export const companySso = pgTable("company_sso", {
  orgId: orgId().primaryKey(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretSealed: text("client_secret_sealed").notNull(),
  defaultRole: text("default_role").notNull().default("employee"),
  roleClaim: text("role_claim"),
  roleMapping: jsonb("role_mapping").$type<Record<string, string>>().notNull().default({}),
  passwordSignInDisabled: boolean("password_sign_in_disabled").notNull().default(false),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The e-mail domains that sign in through a company's provider: a domain belongs to one company at most. */
export const companySsoDomain = pgTable(
  "company_sso_domain",
  {
    domain: text("domain").notNull(),
    orgId: orgId(),
  },
  (t) => [primaryKey({ columns: [t.domain] }), index("company_sso_domain_org_idx").on(t.orgId)],
);
