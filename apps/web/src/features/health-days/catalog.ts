import { fitsHealthDay, HEALTH_DAY_MODULE_CATEGORIES } from "@bgm/domain";
import type { LocalizedText } from "../../lib/use-localized";
import type { HealthDayDetail, SuggestionItem } from "./api/types";

/** Why an offering fits the day: the marketplace's own reasons, and what this page knows besides. */
export type CatalogReason =
  | { kind: "suggestion"; text: LocalizedText }
  | { kind: "category" }
  | { kind: "onSite" }
  | { kind: "fitsBudget"; remainingCents: number }
  | { kind: "overBudget"; remainingCents: number };

export interface CatalogEntry {
  offering: SuggestionItem["offering"];
  reasons: CatalogReason[];
  /** A station from this offering is already on the day. */
  added: boolean;
}

/**
 * The module catalog: the suggestions that can be a station (the domain's rule: a health-day category or
 * delivered on site), health-day modules first, otherwise in the marketplace's order. The budget reason
 * compares the price from with what the day's budget leaves after the planned stations.
 */
export function catalogEntries(suggestions: readonly SuggestionItem[], day: Pick<HealthDayDetail, "modules" | "budget">): CatalogEntry[] {
  const taken = new Set(day.modules.map((m) => m.offeringId));
  const left = day.budget.budgetCents === null ? null : day.budget.budgetCents - day.budget.plannedCents;
  const healthDayCategory = (category: string) => (HEALTH_DAY_MODULE_CATEGORIES as readonly string[]).includes(category);
  return suggestions
    .filter((s) => fitsHealthDay(s.offering))
    .map((s, order) => ({ s, order }))
    .sort(
      (a, b) => Number(healthDayCategory(b.s.offering.category)) - Number(healthDayCategory(a.s.offering.category)) || a.order - b.order,
    )
    .map(({ s }) => {
      const reasons: CatalogReason[] = s.reasons.map((r) => ({ kind: "suggestion" as const, text: r.text }));
      if (healthDayCategory(s.offering.category)) reasons.push({ kind: "category" });
      if (s.offering.deliveryMode === "on_site") reasons.push({ kind: "onSite" });
      if (left !== null) {
        reasons.push(
          s.offering.priceFromCents <= left ? { kind: "fitsBudget", remainingCents: left } : { kind: "overBudget", remainingCents: left },
        );
      }
      return { offering: s.offering, reasons, added: taken.has(s.offering.id) };
    });
}
