CREATE TABLE "health_day" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_headcount" integer,
	"budget_cents" integer,
	"mode" text DEFAULT 'diy' NOT NULL,
	"status" text DEFAULT 'planning' NOT NULL,
	"responsible_user_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_day_dates_ck" CHECK ("health_day"."ends_on" >= "health_day"."starts_on"),
	CONSTRAINT "health_day_budget_ck" CHECK ("health_day"."budget_cents" IS NULL OR "health_day"."budget_cents" >= 0),
	CONSTRAINT "health_day_headcount_ck" CHECK ("health_day"."expected_headcount" IS NULL OR "health_day"."expected_headcount" > 0)
);
--> statement-breakpoint
CREATE TABLE "health_day_module" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"health_day_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"provider_org_id" text NOT NULL,
	"engagement_id" uuid,
	"title" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"cost_cents" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_day_module_cost_ck" CHECK ("health_day_module"."cost_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "participation_session" DROP CONSTRAINT "participation_session_parent_ck";--> statement-breakpoint
ALTER TABLE "participation_session" ADD COLUMN "health_day_module_id" uuid;--> statement-breakpoint
ALTER TABLE "health_day" ADD CONSTRAINT "health_day_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day" ADD CONSTRAINT "health_day_responsible_user_id_user_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day" ADD CONSTRAINT "health_day_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_health_day_id_health_day_id_fk" FOREIGN KEY ("health_day_id") REFERENCES "public"."health_day"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_offering_id_offering_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offering"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_day_org_idx" ON "health_day" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "health_day_module_day_idx" ON "health_day_module" USING btree ("health_day_id","created_at");--> statement-breakpoint
CREATE INDEX "health_day_module_engagement_idx" ON "health_day_module" USING btree ("engagement_id");--> statement-breakpoint
ALTER TABLE "participation_session" ADD CONSTRAINT "participation_session_health_day_module_id_health_day_module_id_fk" FOREIGN KEY ("health_day_module_id") REFERENCES "public"."health_day_module"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_session_health_day_module_idx" ON "participation_session" USING btree ("health_day_module_id","starts_at");--> statement-breakpoint
ALTER TABLE "participation_session" ADD CONSTRAINT "participation_session_parent_ck" CHECK (num_nonnulls("participation_session"."intervention_id", "participation_session"."health_day_module_id") = 1);--> statement-breakpoint
-- Health days belong to the company alone (ADR 0001). The providers of its stations see their engagements,
-- never the day's rows; a full-service planner's view will be an explicit, separate policy.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['health_day','health_day_module']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END $$;
