-- Engagements are shared between two organizations. The policies name both sides explicitly:
-- the company (org_id) and the provider the engagement is with (provider_org_id). Nobody else.
GRANT SELECT, INSERT, UPDATE, DELETE ON engagement, quote, engagement_event, notification TO bgm_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bgm_app;
--> statement-breakpoint
ALTER TABLE engagement ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY engagement_parties ON engagement TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org())
  WITH CHECK (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE quote ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY quote_parties ON quote TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org())
  WITH CHECK (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
ALTER TABLE engagement_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY engagement_event_parties ON engagement_event TO bgm_app
  USING (org_id = app_current_org() OR provider_org_id = app_current_org())
  WITH CHECK (org_id = app_current_org() OR provider_org_id = app_current_org());
--> statement-breakpoint
-- The timeline is history: it is appended to, never rewritten.
REVOKE UPDATE, DELETE ON engagement_event FROM bgm_app;
--> statement-breakpoint
-- Notifications: a party writes notifications for the other party's users (the transition's
-- other side), so inserts may target either party of an engagement the writer belongs to;
-- reading stays within the reader's own organization.
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_read ON notification FOR SELECT TO bgm_app USING (org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY notification_update ON notification FOR UPDATE TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
--> statement-breakpoint
CREATE POLICY notification_insert ON notification FOR INSERT TO bgm_app WITH CHECK (
  org_id = app_current_org()
  OR EXISTS (
    SELECT 1 FROM engagement e
    WHERE (e.org_id = app_current_org() AND e.provider_org_id = notification.org_id)
       OR (e.provider_org_id = app_current_org() AND e.org_id = notification.org_id)
  )
);
