CREATE TABLE "partner_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"output_type" text NOT NULL,
	"version" integer NOT NULL,
	"series_key" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"payload" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_by" text,
	"api_key_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text DEFAULT '' NOT NULL,
	"auto_accepted" boolean DEFAULT false NOT NULL,
	"reminded_at" timestamp with time zone,
	"landing" jsonb
);
--> statement-breakpoint
CREATE TABLE "partner_result_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planned_intervention" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"source_result_id" uuid,
	"source" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"target_group" text NOT NULL,
	"schedule" text NOT NULL,
	"cost_estimate_cents" integer NOT NULL,
	"goal_id" uuid,
	"proposed_goal" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"result_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"label" text NOT NULL,
	"source" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_measure" ADD COLUMN "source_result_id" uuid;--> statement-breakpoint
ALTER TABLE "legal_measure" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "partner_result" ADD CONSTRAINT "partner_result_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result" ADD CONSTRAINT "partner_result_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result" ADD CONSTRAINT "partner_result_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result" ADD CONSTRAINT "partner_result_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result" ADD CONSTRAINT "partner_result_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result_file" ADD CONSTRAINT "partner_result_file_result_id_partner_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."partner_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_result_file" ADD CONSTRAINT "partner_result_file_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_intervention" ADD CONSTRAINT "planned_intervention_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_intervention" ADD CONSTRAINT "planned_intervention_source_result_id_partner_result_id_fk" FOREIGN KEY ("source_result_id") REFERENCES "public"."partner_result"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_intervention" ADD CONSTRAINT "planned_intervention_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_evidence" ADD CONSTRAINT "result_evidence_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_evidence" ADD CONSTRAINT "result_evidence_result_id_partner_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."partner_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_result_version_uq" ON "partner_result" USING btree ("engagement_id","output_type","version");--> statement-breakpoint
CREATE INDEX "partner_result_org_idx" ON "partner_result" USING btree ("org_id","output_type","status");--> statement-breakpoint
CREATE INDEX "partner_result_pending_idx" ON "partner_result" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "partner_result_file_result_idx" ON "partner_result_file" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "planned_intervention_org_idx" ON "planned_intervention" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "result_evidence_uq" ON "result_evidence" USING btree ("result_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "result_evidence_target_idx" ON "result_evidence" USING btree ("org_id","target_type","target_id");