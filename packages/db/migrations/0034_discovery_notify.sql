-- Discovery answers are cached per API node (ADR 0006). Every statement that changes what discovery can show
-- (offering rows, provider profiles: regions and name) sends one notification on 'discovery_changed'; every
-- node LISTENs and clears its cache. A trigger rather than the app's write paths, so writes past the routes
-- (seeds, cascades of a deleted organization, SQL by hand) are covered too. NOTIFY is transactional:
-- delivered on commit, never for a rolled-back write, and identical notifications of one transaction are
-- folded into one.
CREATE OR REPLACE FUNCTION notify_discovery_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('discovery_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER offering_discovery_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offering
  FOR EACH STATEMENT EXECUTE FUNCTION notify_discovery_changed();--> statement-breakpoint
CREATE TRIGGER provider_profile_discovery_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_profile
  FOR EACH STATEMENT EXECUTE FUNCTION notify_discovery_changed();
