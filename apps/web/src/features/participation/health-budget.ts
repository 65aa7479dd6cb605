import type { HealthBudgetEmployee } from "./api/types";

/** The years the budget can be looked at: this one and the previous ones (a later one has no attendance yet). */
export function budgetYears(current: number, count = 4): number[] {
  return Array.from({ length: count }, (_, i) => current - i);
}

/** Employees at or over the "near" share of the limit, most first (the API's order); all of them on request. */
export function employeesToShow(employees: readonly HealthBudgetEmployee[], showAll: boolean): HealthBudgetEmployee[] {
  return showAll ? [...employees] : employees.filter((e) => e.status !== "ok");
}

/** What is left of the tax-free amount for the year; 0 once it is used up. */
export function remainingCents(totalCents: number, limitCents: number): number {
  return Math.max(0, limitCents - totalCents);
}
