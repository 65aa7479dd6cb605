import { describe, expect, it } from "vitest";
import type { HealthDayDetail, SuggestionItem } from "./api/types";
import { catalogEntries } from "./catalog";

const offering = (id: string, category: string, deliveryMode: "on_site" | "remote" | "hybrid", priceFromCents: number) =>
  ({ id, title: id, category, deliveryMode, priceFromCents }) as SuggestionItem["offering"];
const reason = {
  kind: "task" as const,
  text: { de: "Passt zur Aufgabe „Gesundheitstag planen“", en: 'Matches the task "Plan a health day"' },
};

const suggestions: SuggestionItem[] = [
  { offering: offering("kurs", "movement", "on_site", 12_000), reasons: [], score: 1 },
  { offering: offering("umfrage", "survey", "remote", 50_000), reasons: [reason], score: 100 },
  { offering: offering("ruecken", "health_day_module", "on_site", 95_000), reasons: [reason], score: 100 },
  { offering: offering("stress", "health_day_module", "on_site", 400_000), reasons: [reason], score: 100 },
];
const day = {
  modules: [{ offeringId: "ruecken" }],
  budget: { budgetCents: 500_000, plannedCents: 200_000 },
} as unknown as Pick<HealthDayDetail, "modules" | "budget">;

describe("catalogEntries", () => {
  it("keeps what can be a station, health-day modules first, and marks what is already planned", () => {
    const entries = catalogEntries(suggestions, day);
    expect(entries.map((e) => [e.offering.id, e.added])).toEqual([
      ["ruecken", true],
      ["stress", false],
      ["kurs", false],
    ]);
  });

  it("gives the marketplace's reasons, the category, on site and the budget left after the planned stations", () => {
    const [ruecken, stress, kurs] = catalogEntries(suggestions, day);
    expect(ruecken?.reasons).toEqual([
      { kind: "suggestion", text: reason.text },
      { kind: "category" },
      { kind: "onSite" },
      { kind: "fitsBudget", remainingCents: 300_000 },
    ]);
    expect(stress?.reasons.at(-1)).toEqual({ kind: "overBudget", remainingCents: 300_000 });
    expect(kurs?.reasons).toEqual([{ kind: "onSite" }, { kind: "fitsBudget", remainingCents: 300_000 }]);
  });

  it("says nothing about money without a budget", () => {
    const entries = catalogEntries(suggestions, { ...day, budget: { ...day.budget, budgetCents: null } });
    expect(entries.flatMap((e) => e.reasons.map((r) => r.kind))).not.toContain("fitsBudget");
  });
});
