ALTER TABLE "kpi_card" ALTER COLUMN "value" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "legal_requirement" ADD COLUMN "effectiveness_checked_on" date;--> statement-breakpoint
-- An effectiveness check written before this column existed is dated by when its step was ticked,
-- else when the requirement was completed or last changed: the best record of when it was done.
UPDATE "legal_requirement" r SET "effectiveness_checked_on" = COALESCE(
  (SELECT s."completed_at" FROM "legal_requirement_step" s WHERE s."requirement_id" = r."id" AND s."step_key" = 'check_effectiveness'),
  r."completed_at",
  r."updated_at"
)::date
WHERE btrim(r."effectiveness_check") <> '';--> statement-breakpoint
-- Partner rates were stored rounded; the exact latest value is in the card's points.
UPDATE "kpi_card" SET "value" = ("data"->'points'->-1->>'value')::double precision
WHERE jsonb_typeof("data"->'points') = 'array' AND jsonb_array_length("data"->'points') > 0;
