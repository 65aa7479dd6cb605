CREATE TABLE "company_join_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "company_join_link" ADD CONSTRAINT "company_join_link_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_join_link" ADD CONSTRAINT "company_join_link_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_join_link" ADD CONSTRAINT "company_join_link_revoked_by_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_join_link_token_uq" ON "company_join_link" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "company_join_link_active_uq" ON "company_join_link" USING btree ("org_id") WHERE "company_join_link"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "company_join_link_org_idx" ON "company_join_link" USING btree ("org_id","created_at");--> statement-breakpoint
-- The join link belongs to its company alone (ADR 0001). The public join page finds a link by its token hash
-- outside any tenant (the owner's connection, before a company is known); everything after runs under RLS.
-- Links are revoked, never deleted: the rows are the history of who opened and closed the way in.
ALTER TABLE "company_join_link" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "company_join_link" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());--> statement-breakpoint
REVOKE DELETE ON "company_join_link" FROM bgm_app;
