import type { HealthDayBudgetView } from "./api/types";

/** How loud the budget tracker is: fine, a warning before the budget is exceeded, or exceeded. */
export type BudgetLevel = "none" | "ok" | "near" | "exceeded";

export function budgetLevel(budget: Pick<HealthDayBudgetView, "budgetCents" | "warnings">): BudgetLevel {
  if (budget.budgetCents === null) return "none";
  if (budget.warnings.includes("booked_exceeds_budget")) return "exceeded";
  if (budget.warnings.length > 0) return "near";
  return "ok";
}

/** Share of the budget an amount uses, 0–100 for a progress bar (capped), null without a budget. */
export function budgetPercent(cents: number, budgetCents: number | null): number | null {
  if (budgetCents === null || budgetCents <= 0) return null;
  return Math.min(100, Math.round((cents * 100) / budgetCents));
}
