-- Row-level security lets both parties update a partner_result row; the app has the provider only
-- ever mark its own undecided versions as superseded. The database holds it to that: on the provider
-- side, the only change allowed is status 'submitted' → 'superseded' with every other column as it was
-- (decisions, landing and the company's data stay the company's).
CREATE OR REPLACE FUNCTION partner_result_provider_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF app_current_org() IS NOT NULL AND app_current_org() = OLD.provider_org_id AND app_current_org() IS DISTINCT FROM OLD.org_id THEN
    IF NOT (OLD.status = 'submitted' AND NEW.status = 'superseded' AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status')) THEN
      RAISE EXCEPTION 'a provider may only supersede its own undecided results' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER partner_result_provider_guard BEFORE UPDATE ON partner_result
  FOR EACH ROW EXECUTE FUNCTION partner_result_provider_guard();
