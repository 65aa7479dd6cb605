CREATE TABLE "partner_result_landing" (
	"result_id" uuid PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"source" jsonb NOT NULL,
	"undo" jsonb NOT NULL,
	"landed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_result_landing" ADD CONSTRAINT "partner_result_landing_result_id_partner_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."partner_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result_landing" ADD CONSTRAINT "partner_result_landing_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Move the landing records of accepted results out of the row both parties can read.
INSERT INTO "partner_result_landing" ("result_id", "org_id", "source", "undo", "landed_at")
SELECT "id", "org_id", COALESCE("landing"->'source', '{}'::jsonb), COALESCE("landing"->'undo', '{}'::jsonb), COALESCE("decided_at", now())
FROM "partner_result" WHERE "landing" IS NOT NULL AND "status" = 'accepted';
--> statement-breakpoint
ALTER TABLE "partner_result" DROP COLUMN "landing";
--> statement-breakpoint
-- The company's alone: the partner reads its results, never where they landed or what they replaced.
GRANT SELECT, INSERT, UPDATE, DELETE ON partner_result_landing TO bgm_app;
--> statement-breakpoint
ALTER TABLE partner_result_landing ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON partner_result_landing TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());