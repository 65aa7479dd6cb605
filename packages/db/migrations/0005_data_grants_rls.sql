-- Data grants and the access log are shared by the two parties of an engagement and named so in
-- the policies. API keys belong to the provider alone.
GRANT SELECT, INSERT, UPDATE ON data_grant TO bgm_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON data_access_log, api_key TO bgm_app;
--> statement-breakpoint
GRANT UPDATE ON api_key TO bgm_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bgm_app;
--> statement-breakpoint
-- Consent receipts are never deleted; the access log is never changed.
REVOKE DELETE ON data_grant FROM bgm_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON data_access_log FROM bgm_app;
--> statement-breakpoint
ALTER TABLE data_grant ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY data_grant_read ON data_grant FOR SELECT TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
-- Only the company grants and revokes.
CREATE POLICY data_grant_insert ON data_grant FOR INSERT TO bgm_app WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY data_grant_update ON data_grant FOR UPDATE TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE data_access_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY data_access_log_read ON data_access_log FOR SELECT TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY data_access_log_append ON data_access_log FOR INSERT TO bgm_app
  WITH CHECK (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_key_own ON api_key TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
