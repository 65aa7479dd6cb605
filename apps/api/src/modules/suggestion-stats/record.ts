import { SuggestionNeedKind } from "@bgm/domain";
import { sql } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

/**
 * One statement per request, inside the caller's tenant transaction, so a request that fails counts
 * nothing. Only companies count: a provider opening its own offering, or the platform, is no demand.
 * The function (migration 0033) appends to an inbox the provider's read folds into the daily counters: an
 * append shares no row lock with concurrent requests, an upsert of the same counters would queue them. It
 * stores no company id, only this week's bit of the company in a distinct-company sketch.
 */
async function count(scope: TenantScope, action: "suggested" | "opened" | "requested", offeringIds: string[], needKinds: string[]) {
  if (scope.orgKind !== "company" || offeringIds.length === 0) return;
  // Array literals, one parameter each (drizzle would spread a JS array into a list); uuids and the need
  // kinds hold no quote, comma or brace.
  await scope.tx.execute(
    sql`select suggestion_stat_count(${action}, ${`{${offeringIds.join(",")}}`}::uuid[], ${`{${needKinds.join(",")}}`}::text[])`,
  );
}

/** Opened and requested are not tied to a need: the detail view and the quote request do not know one. */
const NO_NEED = "none";

interface Shown {
  offering: { id: string };
  reasons: readonly { kind: string }[];
}

/**
 * Counts the suggestions a company was shown, each under its lead reason's kind (the first reason the
 * user reads: task, goal, survey, phase, fit). Listed offerings without a reason were not suggested.
 */
export async function recordSuggested(scope: TenantScope, shown: readonly Shown[]): Promise<void> {
  const counted = shown.flatMap((s) => {
    const kind = SuggestionNeedKind.safeParse(s.reasons[0]?.kind);
    return kind.success ? [{ id: s.offering.id, kind: kind.data }] : [];
  });
  await count(
    scope,
    "suggested",
    counted.map((c) => c.id),
    counted.map((c) => c.kind),
  );
}

/** A company member opened the offering's detail view. */
export function recordOpened(scope: TenantScope, offeringId: string): Promise<void> {
  return count(scope, "opened", [offeringId], [NO_NEED]);
}

/** A company requested a quote for the offering. */
export function recordRequested(scope: TenantScope, offeringId: string): Promise<void> {
  return count(scope, "requested", [offeringId], [NO_NEED]);
}
