import { z } from "zod";
import { wholeList } from "./lists.js";

/**
 * A partner's aggregate view of its offerings (issue 15): how often each was suggested to, opened by and
 * requested by companies, per week, and for which kinds of need — never which company (ADR 0024).
 */

/** The kind of need a suggestion answered: the lead reason's signal (as SuggestionReason.kind). */
export const SUGGESTION_NEED_KINDS = ["task", "goal", "survey", "phase", "fit"] as const;
export const SuggestionNeedKind = z.enum(SUGGESTION_NEED_KINDS);
export type SuggestionNeedKind = z.infer<typeof SuggestionNeedKind>;

export const OfferingStatsQuery = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(52).default(12).describe("How many calendar weeks back, this one included (1–52)"),
});

const Withheld = z
  .number()
  .int()
  .nullable()
  .describe("null: fewer companies than the minimum group size stand behind it, so it is withheld");

export const OfferingStatsWeek = z.object({
  /** The week's Monday (ISO date, UTC). */
  week: z.iso.date(),
  suggested: Withheld.describe("Suggestions shown, the sum of the week's shown need kinds; null when every kind is withheld"),
  opened: Withheld,
  requested: Withheld,
  needs: z.array(z.object({ needKind: SuggestionNeedKind, suggested: z.number().int() })).describe("Only need kinds shown this week"),
});

export const OfferingStats = z.object({
  offeringId: z.uuid(),
  /** Sums of the shown figures only: nothing withheld can be recovered by subtracting. */
  totals: z.object({ suggested: z.number().int(), opened: z.number().int(), requested: z.number().int() }),
  needs: z.array(z.object({ needKind: SuggestionNeedKind, suggested: z.number().int() })),
  weeks: z.array(OfferingStatsWeek).describe("Weeks with any activity, newest first"),
  withheld: z.number().int().describe("How many weekly figures were withheld (too few companies)"),
});
export type OfferingStats = z.infer<typeof OfferingStats>;

export const OfferingStatsList = wholeList(OfferingStats).extend({
  from: z.iso.date(),
  to: z.iso.date(),
  minGroupSize: z.number().int().describe("A figure shows only when at least this many companies stand behind it"),
});
export type OfferingStatsList = z.infer<typeof OfferingStatsList>;
