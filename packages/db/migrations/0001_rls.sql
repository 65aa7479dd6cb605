-- Second wall of tenant isolation: PostgreSQL row-level security.
-- Requests run as bgm_app (neither table owner nor BYPASSRLS) with app.org_id set per transaction.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bgm_app') THEN
    CREATE ROLE bgm_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO bgm_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bgm_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bgm_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bgm_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bgm_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_org() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.org_id', true), '')
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['employee','bgm_project','bgm_task','goal','kpi_card','legal_requirement',
    'legal_requirement_step','legal_measure','legal_requirement_event','stored_file']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Audit log: append-only. The app role can read its own org's entries and add entries, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM bgm_app;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_log FOR SELECT TO bgm_app USING (org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY audit_append ON audit_log FOR INSERT TO bgm_app WITH CHECK (org_id IS NULL OR org_id = app_current_org());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
--> statement-breakpoint
-- Marketplace: profiles are public to signed-in users; published offerings are public; a provider
-- reads its own drafts and changes only its own rows.
ALTER TABLE provider_profile ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY profile_read ON provider_profile FOR SELECT TO bgm_app USING (true);
--> statement-breakpoint
CREATE POLICY profile_write ON provider_profile FOR ALL TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE offering ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY offering_read ON offering FOR SELECT TO bgm_app USING (status = 'published' OR org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY offering_write ON offering FOR ALL TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
