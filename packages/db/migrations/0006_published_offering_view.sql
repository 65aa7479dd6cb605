-- Public catalog: published offerings, readable by the app role without row-level security so the
-- planner can use the GIN indexes (full-text and array filters are not leakproof, so under RLS
-- PostgreSQL would scan every row). The view shows exactly what the RLS policy already allows
-- every signed-in user to read: published rows. It runs with its owner's rights (the schema owner).
CREATE VIEW published_offering AS SELECT * FROM offering WHERE status = 'published';
--> statement-breakpoint
GRANT SELECT ON published_offering TO bgm_app;
