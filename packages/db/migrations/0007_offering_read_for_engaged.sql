-- A company keeps seeing the offering of its own engagements after the provider archives it
-- (the engagement list and timeline would otherwise lose their title).
DROP POLICY offering_read ON offering;
--> statement-breakpoint
CREATE POLICY offering_read ON offering FOR SELECT TO bgm_app USING (
  status = 'published'
  OR org_id = app_current_org()
  OR EXISTS (SELECT 1 FROM engagement e WHERE e.offering_id = offering.id AND e.org_id = app_current_org())
);
