CREATE TABLE "health_day_check_in" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"health_day_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"slot_id" uuid,
	"participation_id" uuid,
	"scanned_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"device_id" text NOT NULL,
	"outcome" text NOT NULL,
	"scanned_by" text,
	CONSTRAINT "health_day_check_in_nonce_ck" CHECK (length("health_day_check_in"."nonce") between 8 and 64)
);
--> statement-breakpoint
ALTER TABLE "health_day_check_in" ADD CONSTRAINT "health_day_check_in_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_check_in" ADD CONSTRAINT "health_day_check_in_health_day_id_health_day_id_fk" FOREIGN KEY ("health_day_id") REFERENCES "public"."health_day"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_check_in" ADD CONSTRAINT "health_day_check_in_slot_id_participation_session_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."participation_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_check_in" ADD CONSTRAINT "health_day_check_in_participation_id_participation_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_check_in" ADD CONSTRAINT "health_day_check_in_scanned_by_user_id_fk" FOREIGN KEY ("scanned_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_day_check_in_nonce_uq" ON "health_day_check_in" USING btree ("health_day_id","nonce");--> statement-breakpoint
CREATE INDEX "health_day_check_in_slot_idx" ON "health_day_check_in" USING btree ("slot_id","outcome");--> statement-breakpoint
CREATE INDEX "health_day_check_in_participation_idx" ON "health_day_check_in" USING btree ("participation_id");--> statement-breakpoint
-- hand-written: the scans belong to the company alone (ADR 0001), like the day they were made at.
ALTER TABLE "health_day_check_in" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "health_day_check_in" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
