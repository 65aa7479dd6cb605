CREATE TABLE "health_day_invitation" (
	"org_id" text NOT NULL,
	"health_day_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"times_invited" integer DEFAULT 1 NOT NULL,
	"first_invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_day_invitation_health_day_id_employee_id_pk" PRIMARY KEY("health_day_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "health_day_reminder" (
	"org_id" text NOT NULL,
	"session_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_day_reminder_session_id_employee_id_pk" PRIMARY KEY("session_id","employee_id")
);
--> statement-breakpoint
ALTER TABLE "health_day_invitation" ADD CONSTRAINT "health_day_invitation_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_invitation" ADD CONSTRAINT "health_day_invitation_health_day_id_health_day_id_fk" FOREIGN KEY ("health_day_id") REFERENCES "public"."health_day"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_invitation" ADD CONSTRAINT "health_day_invitation_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_reminder" ADD CONSTRAINT "health_day_reminder_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_reminder" ADD CONSTRAINT "health_day_reminder_session_id_participation_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."participation_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_day_reminder" ADD CONSTRAINT "health_day_reminder_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_day_invitation_org_idx" ON "health_day_invitation" USING btree ("org_id","health_day_id");--> statement-breakpoint
CREATE INDEX "health_day_reminder_org_idx" ON "health_day_reminder" USING btree ("org_id");--> statement-breakpoint
-- hand-written: invitations and reminder markers belong to the company alone (ADR 0001), like the day itself.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['health_day_invitation','health_day_reminder']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END $$;
