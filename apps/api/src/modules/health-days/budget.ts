import { BUDGET_WARNING_SHARE } from "@bgm/domain";

/**
 * The budget tracker as a pure calculation: planned (what the stations are planned to cost), booked
 * (the accepted quotes) and invoiced, per station and in total, with warnings before and when the
 * budget is exceeded.
 */

export interface BudgetLine {
  moduleId: string;
  title: string;
  plannedCents: number;
  /** The accepted quote's amount; null when nothing is booked. */
  bookedCents: number | null;
  /** What was invoiced; null while the engagement knows no invoice. */
  invoicedCents: number | null;
}

export type BudgetWarning = "booked_exceeds_budget" | "planned_exceeds_budget" | "booked_near_budget";

export interface Budget {
  budgetCents: number | null;
  plannedCents: number;
  bookedCents: number;
  invoicedCents: number;
  remainingCents: number | null;
  warnings: BudgetWarning[];
  modules: { moduleId: string; title: string; plannedCents: number; bookedCents: number; invoicedCents: number }[];
}

export function budgetOf(budgetCents: number | null, lines: readonly BudgetLine[]): Budget {
  const modules = lines.map((l) => ({
    moduleId: l.moduleId,
    title: l.title,
    plannedCents: l.plannedCents,
    bookedCents: l.bookedCents ?? 0,
    invoicedCents: l.invoicedCents ?? 0,
  }));
  const sum = (pick: (m: (typeof modules)[number]) => number) => modules.reduce((acc, m) => acc + pick(m), 0);
  const plannedCents = sum((m) => m.plannedCents);
  const bookedCents = sum((m) => m.bookedCents);
  const invoicedCents = sum((m) => m.invoicedCents);
  const warnings: BudgetWarning[] = [];
  if (budgetCents !== null) {
    if (bookedCents > budgetCents) warnings.push("booked_exceeds_budget");
    else if (bookedCents >= budgetCents * BUDGET_WARNING_SHARE && bookedCents > 0) warnings.push("booked_near_budget");
    if (plannedCents > budgetCents) warnings.push("planned_exceeds_budget");
  }
  return {
    budgetCents,
    plannedCents,
    bookedCents,
    invoicedCents,
    remainingCents: budgetCents === null ? null : budgetCents - bookedCents,
    warnings,
    modules,
  };
}
