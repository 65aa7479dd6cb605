CREATE TABLE "suggestion_stat" (
	"offering_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"day" date NOT NULL,
	"need_kind" text NOT NULL,
	"suggested" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"requested" integer DEFAULT 0 NOT NULL,
	"suggested_companies" bigint DEFAULT 0 NOT NULL,
	"opened_companies" bigint DEFAULT 0 NOT NULL,
	"requested_companies" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "suggestion_stat_offering_id_day_need_kind_pk" PRIMARY KEY("offering_id","day","need_kind")
);
--> statement-breakpoint
ALTER TABLE "suggestion_stat" ADD CONSTRAINT "suggestion_stat_offering_id_offering_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offering"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_stat" ADD CONSTRAINT "suggestion_stat_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_stat_org_day_idx" ON "suggestion_stat" USING btree ("org_id","day");
--> statement-breakpoint
-- Daily counters per offering and need (ADR 0024). The provider (org_id) reads its own rows; no company
-- reads them and no request writes them directly: companies count through suggestion_stat_count below,
-- into suggestion_event, which suggestion_stat_fold adds up here.
-- The default privileges (0001) would let bgm_app write it; only the function below may.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON suggestion_stat FROM bgm_app;
--> statement-breakpoint
GRANT SELECT ON suggestion_stat TO bgm_app;
--> statement-breakpoint
ALTER TABLE suggestion_stat ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY suggestion_stat_provider_reads ON suggestion_stat FOR SELECT TO bgm_app USING (org_id = app_current_org());
--> statement-breakpoint
CREATE TABLE "suggestion_event" (
	"offering_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"day" date NOT NULL,
	"need_kind" text NOT NULL,
	"action" text NOT NULL,
	"company_bit" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestion_event" ADD CONSTRAINT "suggestion_event_offering_id_offering_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offering"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_event" ADD CONSTRAINT "suggestion_event_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_event_org_idx" ON "suggestion_event" USING btree ("org_id");
--> statement-breakpoint
-- The inbox of the counters: nobody reads or writes it but the two functions below.
REVOKE ALL ON suggestion_event FROM bgm_app;
--> statement-breakpoint
ALTER TABLE suggestion_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Counting happens in the company's own tenant transaction, on rows the company may not read, so it runs as
-- the tables' owner. It appends one row per offering to the inbox instead of adding to the daily counter:
-- every company that is shown the same offerings would otherwise update the same counter rows and hold
-- their locks until its request commits, so concurrent suggestion requests would queue behind each other
-- (bench "suggestions"). An unknown offering id counts nothing. No company id is written, only this week's
-- bit of the company, md5(company, week) mod 64, whose position changes every week.
CREATE FUNCTION suggestion_stat_count(p_action text, p_offering_ids uuid[], p_need_kinds text[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO suggestion_event (offering_id, org_id, day, need_kind, action, company_bit)
  SELECT o.id, o.org_id, c.day, x.need_kind, p_action, c.bit
  FROM (SELECT DISTINCT u.offering_id, u.need_kind FROM unnest(p_offering_ids, p_need_kinds) AS u(offering_id, need_kind)) x
  JOIN offering o ON o.id = x.offering_id
  CROSS JOIN (
    SELECT d.day, 1::bigint << (('x' || substr(md5(app_current_org() || ':' || date_trunc('week', d.day)::date::text), 1, 2))::bit(8)::int % 64) AS bit
    FROM (SELECT (now() AT TIME ZONE 'UTC')::date AS day) d
  ) c
  WHERE p_action IN ('suggested', 'opened', 'requested') AND app_current_org() IS NOT NULL AND x.need_kind IS NOT NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_stat_count(text, uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_stat_count(text, uuid[], text[]) TO bgm_app;
--> statement-breakpoint
-- The provider's read folds its own inbox into the daily counters first (one statement, in its transaction);
-- a concurrent fold of the same provider waits for the first one's deleted rows and then finds none.
CREATE FUNCTION suggestion_stat_fold() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH moved AS (
    DELETE FROM suggestion_event WHERE org_id = app_current_org()
    RETURNING offering_id, org_id, day, need_kind, action, company_bit
  )
  INSERT INTO suggestion_stat AS s (offering_id, org_id, day, need_kind, suggested, opened, requested,
    suggested_companies, opened_companies, requested_companies)
  SELECT offering_id, org_id, day, need_kind,
    count(*) FILTER (WHERE action = 'suggested'), count(*) FILTER (WHERE action = 'opened'), count(*) FILTER (WHERE action = 'requested'),
    coalesce(bit_or(company_bit) FILTER (WHERE action = 'suggested'), 0),
    coalesce(bit_or(company_bit) FILTER (WHERE action = 'opened'), 0),
    coalesce(bit_or(company_bit) FILTER (WHERE action = 'requested'), 0)
  FROM moved
  GROUP BY offering_id, org_id, day, need_kind
  ORDER BY offering_id, day, need_kind
  ON CONFLICT (offering_id, day, need_kind) DO UPDATE SET
    suggested = s.suggested + excluded.suggested,
    opened = s.opened + excluded.opened,
    requested = s.requested + excluded.requested,
    suggested_companies = s.suggested_companies | excluded.suggested_companies,
    opened_companies = s.opened_companies | excluded.opened_companies,
    requested_companies = s.requested_companies | excluded.requested_companies
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_stat_fold() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_stat_fold() TO bgm_app;
