CREATE TABLE "health_day_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"health_day_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	CONSTRAINT "health_day_feedback_rating_ck" CHECK ("health_day_feedback"."rating" between 1 and 5),
	CONSTRAINT "health_day_feedback_comment_ck" CHECK ("health_day_feedback"."comment" is null or length("health_day_feedback"."comment") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "health_day_feedback_given" (
	"org_id" text NOT NULL,
	"module_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	CONSTRAINT "health_day_feedback_given_module_id_employee_id_pk" PRIMARY KEY("module_id","employee_id")
);
--> statement-breakpoint
ALTER TABLE "health_day_feedback" ADD CONSTRAINT "health_day_feedback_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_feedback" ADD CONSTRAINT "health_day_feedback_health_day_id_health_day_id_fk" FOREIGN KEY ("health_day_id") REFERENCES "public"."health_day"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_feedback" ADD CONSTRAINT "health_day_feedback_module_id_health_day_module_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."health_day_module"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_feedback_given" ADD CONSTRAINT "health_day_feedback_given_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_feedback_given" ADD CONSTRAINT "health_day_feedback_given_module_id_health_day_module_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."health_day_module"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_feedback_given" ADD CONSTRAINT "health_day_feedback_given_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_day_feedback_module_idx" ON "health_day_feedback" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "health_day_feedback_given_org_idx" ON "health_day_feedback_given" USING btree ("org_id","employee_id");--> statement-breakpoint
-- hand-written: feedback and the markers of who answered belong to the company alone (ADR 0001), like the day.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['health_day_feedback','health_day_feedback_given']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END $$;
