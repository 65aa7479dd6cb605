CREATE TABLE "participation_session_count" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"not_attended" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participation_session_count" ADD CONSTRAINT "participation_session_count_session_id_participation_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."participation_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_session_count" ADD CONSTRAINT "participation_session_count_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The places of each session, counted as the partner read counts them (ADR 0013, amendment "counts table"):
-- attended = status 'attended', not attended = 'registered' or 'no_show'. The partner read looks them up
-- instead of counting ~1,250 places a read. Kept exact by the statement triggers below, in the statement that
-- changes the places, so a count is never ahead of or behind its rows, whoever writes them.
-- The company's own rows (ADR 0001); the app role only reads them — only the triggers write.
ALTER TABLE "participation_session_count" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "participation_session_count" TO bgm_app USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "participation_session_count" FROM bgm_app;--> statement-breakpoint
GRANT SELECT ON "participation_session_count" TO bgm_app;--> statement-breakpoint
-- Applies one statement's change of places, already summed per session (the arrays line up: session, change
-- of attended, change of not attended), as one upsert whose rows go in session order: every statement locks
-- the count rows it changes in the same order, so two concurrent statements over several sessions (the cascade
-- of an employee's deletion, "all attended") wait for each other instead of deadlocking. A session without any
-- change is left out and locks nothing (a waitlist entry, the cancellation of a waiting person, a new timestamp).
-- The session gives the row its org_id; a session deleted by the same statement (its cascade) has no count left
-- to change, and the join leaves it out. Only the trigger functions below call it (as the owner, past RLS).
CREATE FUNCTION participation_session_count_apply(p_sessions uuid[], p_attended int[], p_not_attended int[]) RETURNS void
LANGUAGE sql VOLATILE SET search_path = public, pg_temp AS $$
  INSERT INTO participation_session_count AS c (session_id, org_id, attended, not_attended)
  SELECT d.session_id, s.org_id, d.attended, d.not_attended
  FROM unnest(p_sessions, p_attended, p_not_attended) AS d(session_id, attended, not_attended)
  JOIN participation_session s ON s.id = d.session_id
  WHERE d.attended <> 0 OR d.not_attended <> 0
  ORDER BY d.session_id
  ON CONFLICT (session_id) DO UPDATE SET
    attended = c.attended + excluded.attended,
    not_attended = c.not_attended + excluded.not_attended
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION participation_session_count_apply(uuid[], int[], int[]) FROM PUBLIC;--> statement-breakpoint
-- One trigger per event (PostgreSQL allows transition tables only on a trigger of one event), each summing its
-- statement's rows per session: +1 for a row as it is now, −1 for a row as it was (an UPDATE gives both, so a
-- place moved to another session or status counts out of the old and into the new). SECURITY DEFINER: the
-- counts follow every write, also those of jobs and cascades that run as no company or as the owner, and the
-- app role itself may not write the counts (nor call the apply function).
CREATE FUNCTION participation_session_count_on_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM participation_session_count_apply(array_agg(d.session_id), array_agg(d.a), array_agg(d.n))
  FROM (
    SELECT session_id, count(*) FILTER (WHERE status = 'attended')::int AS a,
      count(*) FILTER (WHERE status IN ('registered', 'no_show'))::int AS n
    FROM new_rows GROUP BY session_id
  ) d;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION participation_session_count_on_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM participation_session_count_apply(array_agg(d.session_id), array_agg(d.a), array_agg(d.n))
  FROM (
    SELECT session_id, -count(*) FILTER (WHERE status = 'attended')::int AS a,
      -count(*) FILTER (WHERE status IN ('registered', 'no_show'))::int AS n
    FROM old_rows GROUP BY session_id
  ) d;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION participation_session_count_on_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM participation_session_count_apply(array_agg(d.session_id), array_agg(d.a), array_agg(d.n))
  FROM (
    SELECT session_id, sum(a)::int AS a, sum(n)::int AS n
    FROM (
      SELECT session_id, (status = 'attended')::int AS a, (status IN ('registered', 'no_show'))::int AS n FROM new_rows
      UNION ALL
      SELECT session_id, -(status = 'attended')::int, -(status IN ('registered', 'no_show'))::int FROM old_rows
    ) x
    GROUP BY session_id
  ) d;
  RETURN NULL;
END $$;--> statement-breakpoint
-- TRUNCATE fires no delete trigger: the counts of an emptied table go with it.
CREATE FUNCTION participation_session_count_on_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM participation_session_count;
  RETURN NULL;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION participation_session_count_on_insert() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION participation_session_count_on_delete() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION participation_session_count_on_update() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION participation_session_count_on_truncate() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER participation_session_count_insert AFTER INSERT ON participation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participation_session_count_on_insert();--> statement-breakpoint
CREATE TRIGGER participation_session_count_delete AFTER DELETE ON participation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION participation_session_count_on_delete();--> statement-breakpoint
CREATE TRIGGER participation_session_count_update AFTER UPDATE ON participation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participation_session_count_on_update();--> statement-breakpoint
CREATE TRIGGER participation_session_count_truncate AFTER TRUNCATE ON participation
  FOR EACH STATEMENT EXECUTE FUNCTION participation_session_count_on_truncate();--> statement-breakpoint
-- The backfill after the triggers: CREATE TRIGGER locked participation against writes until this migration
-- commits, so every place is either counted here or by a trigger, never twice or not at all.
INSERT INTO "participation_session_count" (session_id, org_id, attended, not_attended)
SELECT s.id, s.org_id,
  count(*) FILTER (WHERE p.status = 'attended'),
  count(*) FILTER (WHERE p.status IN ('registered', 'no_show'))
FROM participation p JOIN participation_session s ON s.id = p.session_id
GROUP BY s.id, s.org_id;
