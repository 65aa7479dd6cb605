CREATE TABLE "api_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_key_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "data_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text,
	"provider_org_id" text NOT NULL,
	"engagement_id" uuid,
	"grant_id" uuid,
	"scope_key" text NOT NULL,
	"actor_user_id" text,
	"api_key_id" uuid,
	"outcome" text NOT NULL,
	"reason" text,
	"record_count" integer DEFAULT 0 NOT NULL,
	"format" text,
	"subject_employee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"scope_version" integer NOT NULL,
	"fields" text[] NOT NULL,
	"purpose_de" text NOT NULL,
	"purpose_en" text NOT NULL,
	"preview_de" text NOT NULL,
	"preview_en" text NOT NULL,
	"narrowing" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_grant" ADD CONSTRAINT "data_grant_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_grant" ADD CONSTRAINT "data_grant_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_grant" ADD CONSTRAINT "data_grant_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_grant" ADD CONSTRAINT "data_grant_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_grant" ADD CONSTRAINT "data_grant_revoked_by_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_key_org_idx" ON "api_key" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "data_access_log_org_idx" ON "data_access_log" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "data_access_log_provider_idx" ON "data_access_log" USING btree ("provider_org_id","id");--> statement-breakpoint
CREATE INDEX "data_grant_engagement_idx" ON "data_grant" USING btree ("engagement_id","scope_key");--> statement-breakpoint
CREATE INDEX "data_grant_org_idx" ON "data_grant" USING btree ("org_id");