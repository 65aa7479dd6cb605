CREATE TABLE "rate_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Not tenant data: the counters are written by the platform's rate-limit store outside any tenant
-- transaction (the pool's own role). Requests running as bgm_app have no business with them.
REVOKE ALL ON "rate_limit" FROM bgm_app;
