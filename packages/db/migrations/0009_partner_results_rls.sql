-- Partner results are shared by the engagement's two parties, named explicitly in the policies.
-- The provider delivers (insert); both sides read; decisions and supersession update the row.
-- Result files, evidence links and planned interventions: see the per-table comments.
GRANT SELECT, INSERT, UPDATE ON partner_result TO bgm_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON partner_result_file TO bgm_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON result_evidence, planned_intervention TO bgm_app;
--> statement-breakpoint
-- Versions are history: never deleted by the app.
REVOKE DELETE ON partner_result, partner_result_file FROM bgm_app;
--> statement-breakpoint
ALTER TABLE partner_result ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY partner_result_read ON partner_result FOR SELECT TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
-- Only the provider of an engagement it belongs to delivers into it.
CREATE POLICY partner_result_insert ON partner_result FOR INSERT TO bgm_app WITH CHECK (
  provider_org_id = app_current_org()
  AND EXISTS (SELECT 1 FROM engagement e WHERE e.id = partner_result.engagement_id AND e.org_id = partner_result.org_id AND e.provider_org_id = partner_result.provider_org_id)
);
--> statement-breakpoint
CREATE POLICY partner_result_update ON partner_result FOR UPDATE TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org())
  WITH CHECK (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE partner_result_file ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY partner_result_file_read ON partner_result_file FOR SELECT TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY partner_result_file_insert ON partner_result_file FOR INSERT TO bgm_app WITH CHECK (provider_org_id = app_current_org());
--> statement-breakpoint
-- Where results landed belongs to the company alone.
ALTER TABLE result_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON result_evidence TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE planned_intervention ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON planned_intervention TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
-- The actor of automatic decisions (a delivery nobody answered is accepted after the deadline).
-- It has no account, so nobody can sign in as it.
INSERT INTO "user" (id, name, email, email_verified, created_at, updated_at)
VALUES ('system', 'BGM Hub (automatisch)', 'system@bgm-hub.invalid', false, now(), now())
ON CONFLICT (id) DO NOTHING;
