CREATE TABLE "buddy_conversation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_turn" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"question" text NOT NULL,
	"answer" jsonb NOT NULL,
	"offering_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"model" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buddy_conversation" ADD CONSTRAINT "buddy_conversation_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_conversation" ADD CONSTRAINT "buddy_conversation_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_turn" ADD CONSTRAINT "buddy_turn_conversation_id_buddy_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."buddy_conversation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_turn" ADD CONSTRAINT "buddy_turn_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_turn" ADD CONSTRAINT "buddy_turn_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buddy_conversation_user_idx" ON "buddy_conversation" USING btree ("org_id","user_id","updated_at");--> statement-breakpoint
CREATE INDEX "buddy_turn_conversation_idx" ON "buddy_turn" USING btree ("conversation_id","created_at");
--> statement-breakpoint
-- Tenant tables like the others (0001): the company's rows only. Which user's rows a request sees is the
-- service's filter (user_id = the caller); partners never reach them (their org is never app.org_id here).
GRANT SELECT, INSERT, UPDATE, DELETE ON buddy_conversation, buddy_turn TO bgm_app;
--> statement-breakpoint
ALTER TABLE buddy_conversation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON buddy_conversation TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE buddy_turn ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON buddy_turn TO bgm_app
  USING (org_id = app_current_org())
  WITH CHECK (
    org_id = app_current_org()
    AND EXISTS (SELECT 1 FROM buddy_conversation c WHERE c.id = buddy_turn.conversation_id AND c.org_id = buddy_turn.org_id AND c.user_id = buddy_turn.user_id)
  );
