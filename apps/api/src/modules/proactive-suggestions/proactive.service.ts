import type { ProactiveDigestSetting, ProactiveSuggestionList, ProactiveTopic } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { offeringHistory } from "../engagements/index.js";
import { findFilteredCandidates } from "../marketplace/index.js";
import { RECOMMENDED_MAX_CANDIDATES } from "../matching/index.js";
import * as repo from "./proactive.repository.js";

/** Engagement states that mean the offering is booked now: it leaves the panel (it is no news any more). */
const BOOKED = new Set(["requested", "quoted", "accepted", "in_progress", "delivered", "completed"]);

/**
 * The company's open proactive suggestions, newest first, with the offering as the catalogue shows it now.
 * An offering no longer published, or booked since, drops out of the list (its row stays: never again).
 */
export async function listSuggestions(scope: TenantScope): Promise<z.infer<typeof ProactiveSuggestionList>> {
  const rows = await repo.listOpen(scope);
  if (rows.length === 0) return { items: [], nextCursor: null };
  const views = new Map((await findFilteredCandidates(scope, { q: null, limit: RECOMMENDED_MAX_CANDIDATES })).map((c) => [c.id, c.view]));
  const booked = new Set((await offeringHistory(scope)).filter((h) => BOOKED.has(h.status)).map((h) => h.offeringId));
  const items = rows.flatMap((r) => {
    const offering = views.get(r.offeringId);
    if (!offering || booked.has(r.offeringId)) return [];
    return [
      {
        id: r.id,
        topic: r.topic as ProactiveTopic,
        offering,
        reasons: r.reasons as z.infer<typeof ProactiveSuggestionList>["items"][number]["reasons"],
        score: r.score,
        createdAt: r.createdAt.toISOString(),
      },
    ];
  });
  return { items, nextCursor: null };
}

/** Hides a suggestion for the whole company; its offering is never suggested proactively again. Repeating it changes nothing. */
export async function dismissSuggestion(scope: TenantScope, id: string): Promise<{ ok: true }> {
  const row = await repo.findSuggestion(scope, id);
  if (!row) throw AppError.notFound("Suggestion");
  if (await repo.dismiss(scope, id, scope.userId)) {
    await scope.audit({
      action: "proactive_suggestion.dismissed",
      entityType: "proactive_suggestion",
      entityId: id,
      details: { offeringId: row.offeringId, topic: row.topic },
    });
  }
  return { ok: true };
}

export async function getDigestSetting(scope: TenantScope): Promise<z.infer<typeof ProactiveDigestSetting>> {
  const row = await repo.findDigest(scope, scope.userId);
  return { enabled: row?.enabled ?? false, lastRunAt: row?.lastRunAt?.toISOString() ?? null };
}

/** The signed-in manager's own opt-in to the weekly digest (per person, not for the company). */
export async function setDigestSetting(scope: TenantScope, enabled: boolean): Promise<z.infer<typeof ProactiveDigestSetting>> {
  const before = await repo.findDigest(scope, scope.userId);
  const row = await repo.upsertDigest(scope, scope.userId, enabled);
  if ((before?.enabled ?? false) !== enabled) {
    await scope.audit({ action: "proactive_digest.updated", entityType: "user", entityId: scope.userId, details: { enabled } });
  }
  return { enabled: row.enabled, lastRunAt: row.lastRunAt?.toISOString() ?? null };
}
