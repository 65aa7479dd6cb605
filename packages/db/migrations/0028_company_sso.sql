CREATE TABLE "company_sso" (
	"org_id" text PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_sealed" text NOT NULL,
	"default_role" text DEFAULT 'employee' NOT NULL,
	"role_claim" text,
	"role_mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"password_sign_in_disabled" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_sso_domain" (
	"domain" text NOT NULL,
	"org_id" text NOT NULL,
	CONSTRAINT "company_sso_domain_domain_pk" PRIMARY KEY("domain")
);
--> statement-breakpoint
ALTER TABLE "company_sso" ADD CONSTRAINT "company_sso_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_sso" ADD CONSTRAINT "company_sso_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_sso_domain" ADD CONSTRAINT "company_sso_domain_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_sso_domain_org_idx" ON "company_sso_domain" USING btree ("org_id");--> statement-breakpoint
-- A company's SSO provider and domains belong to it alone (ADR 0001). The sign-in side finds the company of an
-- e-mail domain outside any tenant (the owner's connection, before anyone is signed in); the configuration
-- routes run under RLS. A domain is the primary key: two companies can never claim the same one.
ALTER TABLE "company_sso" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "company_sso" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());--> statement-breakpoint
ALTER TABLE "company_sso_domain" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "company_sso_domain" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
