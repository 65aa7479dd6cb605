CREATE TABLE "engagement_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"engagement_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"sender_side" text NOT NULL,
	"sender_user_id" text,
	"topic" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_message_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "engagement_message_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_message_read" (
	"engagement_id" uuid NOT NULL,
	"side" text NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"last_read_seq" bigint DEFAULT 0 NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_message_read_engagement_id_side_pk" PRIMARY KEY("engagement_id","side")
);
--> statement-breakpoint
ALTER TABLE "engagement_message" ADD CONSTRAINT "engagement_message_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message" ADD CONSTRAINT "engagement_message_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message" ADD CONSTRAINT "engagement_message_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message" ADD CONSTRAINT "engagement_message_sender_user_id_user_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message_attachment" ADD CONSTRAINT "engagement_message_attachment_message_id_engagement_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."engagement_message"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message_attachment" ADD CONSTRAINT "engagement_message_attachment_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message_read" ADD CONSTRAINT "engagement_message_read_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_message_read" ADD CONSTRAINT "engagement_message_read_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_message_thread_idx" ON "engagement_message" USING btree ("engagement_id","seq");--> statement-breakpoint
CREATE INDEX "engagement_message_org_idx" ON "engagement_message" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "engagement_message_provider_idx" ON "engagement_message" USING btree ("provider_org_id","seq");--> statement-breakpoint
CREATE INDEX "engagement_message_attachment_message_idx" ON "engagement_message_attachment" USING btree ("message_id");
--> statement-breakpoint
-- Messages are shared between the two parties of an engagement, like the engagement tables (0003):
-- the company (org_id) and the provider (provider_org_id), nobody else (the platform admin neither).
GRANT SELECT, INSERT ON engagement_message, engagement_message_attachment TO bgm_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON engagement_message_read TO bgm_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE engagement_message_seq_seq TO bgm_app;
--> statement-breakpoint
ALTER TABLE engagement_message ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY engagement_message_parties ON engagement_message TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org())
  WITH CHECK (
    (org_id = app_current_org() OR provider_org_id = app_current_org())
    AND EXISTS (SELECT 1 FROM engagement e WHERE e.id = engagement_message.engagement_id AND e.org_id = engagement_message.org_id AND e.provider_org_id = engagement_message.provider_org_id)
  );
--> statement-breakpoint
ALTER TABLE engagement_message_attachment ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY engagement_message_attachment_parties ON engagement_message_attachment TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org())
  WITH CHECK (
    (org_id = app_current_org() OR provider_org_id = app_current_org())
    AND EXISTS (SELECT 1 FROM engagement e WHERE e.id = engagement_message_attachment.engagement_id AND e.org_id = engagement_message_attachment.org_id AND e.provider_org_id = engagement_message_attachment.provider_org_id)
  );
--> statement-breakpoint
ALTER TABLE engagement_message_read ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A side moves only its own read marker: the company's row is side 'company' of its own engagements,
-- the provider's row side 'provider'.
CREATE POLICY engagement_message_read_own_side ON engagement_message_read TO bgm_app
  USING ((side = 'company' AND org_id = app_current_org()) OR (side = 'provider' AND provider_org_id = app_current_org()))
  WITH CHECK ((side = 'company' AND org_id = app_current_org()) OR (side = 'provider' AND provider_org_id = app_current_org()));
