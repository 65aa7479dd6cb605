CREATE TABLE "intervention" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"field_of_action" text NOT NULL,
	"approach" text NOT NULL,
	"target_group" text DEFAULT '' NOT NULL,
	"provider_org_id" text,
	"engagement_id" uuid,
	"planned_intervention_id" uuid,
	"certification_id" text,
	"cost_cents" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"session_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"intervention_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"capacity" integer NOT NULL,
	"registration_deadline" timestamp with time zone,
	"waitlist_enabled" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_session_capacity_ck" CHECK ("participation_session"."capacity" > 0),
	CONSTRAINT "participation_session_time_ck" CHECK ("participation_session"."ends_at" > "participation_session"."starts_at"),
	CONSTRAINT "participation_session_parent_ck" CHECK ("participation_session"."intervention_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_planned_intervention_id_planned_intervention_id_fk" FOREIGN KEY ("planned_intervention_id") REFERENCES "public"."planned_intervention"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_session_id_participation_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."participation_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_session" ADD CONSTRAINT "participation_session_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_session" ADD CONSTRAINT "participation_session_intervention_id_intervention_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."intervention"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intervention_org_idx" ON "intervention" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "intervention_engagement_idx" ON "intervention" USING btree ("engagement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_session_employee_uq" ON "participation" USING btree ("session_id","employee_id");--> statement-breakpoint
CREATE INDEX "participation_session_status_idx" ON "participation" USING btree ("session_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "participation_org_employee_idx" ON "participation" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "participation_session_org_start_idx" ON "participation_session" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "participation_session_intervention_idx" ON "participation_session" USING btree ("intervention_id","starts_at");--> statement-breakpoint
-- Participation data belongs to the company alone (ADR 0001). Partners and insurers never read these rows:
-- they receive aggregates computed by the participation module inside the company's scope.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['intervention','participation_session','participation']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END $$;
