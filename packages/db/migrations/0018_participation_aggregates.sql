CREATE TABLE "participation_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"min_group_size" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_settings_min_group_size_ck" CHECK ("participation_settings"."min_group_size" >= 5 AND "participation_settings"."min_group_size" <= 50)
);
--> statement-breakpoint
ALTER TABLE "participation_settings" ADD CONSTRAINT "participation_settings_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_settings" ADD CONSTRAINT "participation_settings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_session_org_status_idx" ON "participation" USING btree ("session_id","org_id","status","employee_id");--> statement-breakpoint
-- The company's own setting (ADR 0001): read and written only inside its tenant transaction.
ALTER TABLE "participation_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "participation_settings" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
-- The minimum group size may be raised, never lowered (nor reset by deleting the row).
REVOKE DELETE ON "participation_settings" FROM bgm_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION participation_settings_raise_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.min_group_size < OLD.min_group_size THEN
    RAISE EXCEPTION 'the minimum group size can only be raised' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER participation_settings_raise_only BEFORE UPDATE ON "participation_settings"
  FOR EACH ROW EXECUTE FUNCTION participation_settings_raise_only();
