import { describe, expect, it } from "vitest";
import type { HealthBudgetEmployee } from "./api/types";
import { budgetYears, employeesToShow, remainingCents } from "./health-budget";

const person = (lastName: string, totalCents: number, status: HealthBudgetEmployee["status"]): HealthBudgetEmployee => ({
  employeeId: `00000000-0000-4000-8000-${String(totalCents).padStart(12, "0")}`,
  firstName: "Test",
  lastName,
  department: "Vertrieb",
  totalCents,
  share: totalCents / 60_000,
  status,
  items: [],
});

describe("health budget view", () => {
  it("offers this year and the three before it, newest first", () => {
    expect(budgetYears(2026)).toEqual([2026, 2025, 2024, 2023]);
  });

  it("lists only the employees near or over the limit unless all are asked for, keeping the API's order", () => {
    const all = [person("Over", 65_000, "over"), person("Near", 50_000, "near"), person("Ok", 10_000, "ok")];
    expect(employeesToShow(all, false).map((e) => e.lastName)).toEqual(["Over", "Near"]);
    expect(employeesToShow(all, true).map((e) => e.lastName)).toEqual(["Over", "Near", "Ok"]);
  });

  it("tells what is left of the 600 € and never less than nothing", () => {
    expect(remainingCents(48_000, 60_000)).toBe(12_000);
    expect(remainingCents(65_000, 60_000)).toBe(0);
  });
});
