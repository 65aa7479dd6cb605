ALTER TABLE "engagement" ADD COLUMN "pending_results" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The engagement keeps its own count of deliveries waiting for the company's answer (it read the results
-- module's table for it before); from now on the results module's events keep it (apps/api/src/events.ts).
UPDATE "engagement" e
SET "pending_results" = p.n
FROM (SELECT "engagement_id", count(*)::int AS n FROM "partner_result" WHERE "status" = 'submitted' GROUP BY "engagement_id") p
WHERE p."engagement_id" = e."id";
