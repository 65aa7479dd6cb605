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
-- reads them and no request writes them directly: companies only count through suggestion_stat_count below.
-- The default privileges (0001) would let bgm_app write it; only the function below may.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON suggestion_stat FROM bgm_app;
--> statement-breakpoint
GRANT SELECT ON suggestion_stat TO bgm_app;
--> statement-breakpoint
ALTER TABLE suggestion_stat ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY suggestion_stat_provider_reads ON suggestion_stat FOR SELECT TO bgm_app USING (org_id = app_current_org());
--> statement-breakpoint
-- Counting happens in the company's own tenant transaction, on rows the company may not read: an upsert
-- (ON CONFLICT DO UPDATE) needs to read the row it updates, so the count runs as the table's owner. The
-- function does one thing only: +1 on one action for the given offerings (published or not, an unknown id
-- counts nothing) today, and sets the caller's bit of this week in the action's distinct-company sketch.
-- The bit is md5(company, week) mod 64, so the sketch changes its positions every week and holds no id.
-- Rows are written in key order, so concurrent requests counting the same offerings never deadlock.
CREATE FUNCTION suggestion_stat_count(p_action text, p_offering_ids uuid[], p_need_kinds text[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO suggestion_stat AS s (offering_id, org_id, day, need_kind, suggested, opened, requested,
    suggested_companies, opened_companies, requested_companies)
  SELECT o.id, o.org_id, c.day, x.need_kind,
    (p_action = 'suggested')::int, (p_action = 'opened')::int, (p_action = 'requested')::int,
    CASE WHEN p_action = 'suggested' THEN c.bit ELSE 0 END,
    CASE WHEN p_action = 'opened' THEN c.bit ELSE 0 END,
    CASE WHEN p_action = 'requested' THEN c.bit ELSE 0 END
  FROM (SELECT DISTINCT u.offering_id, u.need_kind FROM unnest(p_offering_ids, p_need_kinds) AS u(offering_id, need_kind)) x
  JOIN offering o ON o.id = x.offering_id
  CROSS JOIN (
    SELECT d.day, 1::bigint << (('x' || substr(md5(app_current_org() || ':' || date_trunc('week', d.day)::date::text), 1, 2))::bit(8)::int % 64) AS bit
    FROM (SELECT (now() AT TIME ZONE 'UTC')::date AS day) d
  ) c
  WHERE p_action IN ('suggested', 'opened', 'requested') AND app_current_org() IS NOT NULL AND x.need_kind IS NOT NULL
  ORDER BY o.id, x.need_kind
  ON CONFLICT (offering_id, day, need_kind) DO UPDATE SET
    suggested = s.suggested + excluded.suggested,
    opened = s.opened + excluded.opened,
    requested = s.requested + excluded.requested,
    suggested_companies = s.suggested_companies | excluded.suggested_companies,
    opened_companies = s.opened_companies | excluded.opened_companies,
    requested_companies = s.requested_companies | excluded.requested_companies
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_stat_count(text, uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_stat_count(text, uuid[], text[]) TO bgm_app;
