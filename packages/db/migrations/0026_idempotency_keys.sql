CREATE TABLE "idempotency_key" (
	"org_id" text NOT NULL,
	"caller" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"locked_at" timestamp with time zone,
	"acted" boolean DEFAULT false NOT NULL,
	"response_status" integer,
	"response_type" text,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_org_id_caller_key_pk" PRIMARY KEY("org_id","caller","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_key_created_idx" ON "idempotency_key" USING btree ("created_at");--> statement-breakpoint
-- hand-written: a key and its stored answer belong to the caller's organization alone (ADR 0001);
-- bgm_app has its grants by the default privileges of 0001_rls.sql.
ALTER TABLE "idempotency_key" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "idempotency_key" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
