DROP INDEX "offering_search_idx";--> statement-breakpoint
DROP INDEX "offering_phases_idx";--> statement-breakpoint
DROP INDEX "offering_tasks_idx";--> statement-breakpoint
CREATE INDEX "member_user_idx" ON "member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "offering_search_idx" ON "offering" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "offering_phases_idx" ON "offering" USING gin ("relevant_phases") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "offering_tasks_idx" ON "offering" USING gin ("relevant_tasks") WITH (fastupdate=false);