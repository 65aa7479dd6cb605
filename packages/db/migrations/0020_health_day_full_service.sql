ALTER TABLE "health_day" ADD COLUMN "planner_engagement_id" uuid;--> statement-breakpoint
ALTER TABLE "health_day" ADD COLUMN "approval_limit_cents" integer;--> statement-breakpoint
ALTER TABLE "health_day" ADD COLUMN "plan_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health_day" ADD COLUMN "plan_approved_by" text;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD COLUMN "approval" text DEFAULT 'not_required' NOT NULL;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD COLUMN "added_by_org_id" text;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "health_day" ADD CONSTRAINT "health_day_planner_engagement_id_engagement_id_fk" FOREIGN KEY ("planner_engagement_id") REFERENCES "public"."engagement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day" ADD CONSTRAINT "health_day_plan_approved_by_user_id_fk" FOREIGN KEY ("plan_approved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_added_by_org_id_organization_id_fk" FOREIGN KEY ("added_by_org_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_module" ADD CONSTRAINT "health_day_module_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_day_planner_engagement_uq" ON "health_day" USING btree ("planner_engagement_id");--> statement-breakpoint
ALTER TABLE "health_day" ADD CONSTRAINT "health_day_approval_limit_ck" CHECK ("health_day"."approval_limit_cents" IS NULL OR "health_day"."approval_limit_cents" >= 0);