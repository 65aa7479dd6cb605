import { describe, expect, it } from "vitest";
import { budgetLevel, budgetPercent } from "./budget-view";

describe("budgetLevel", () => {
  it("is quiet without a budget and fine without warnings", () => {
    expect(budgetLevel({ budgetCents: null, warnings: [] })).toBe("none");
    expect(budgetLevel({ budgetCents: 500_000, warnings: [] })).toBe("ok");
  });

  it("warns before the budget is exceeded and alarms once bookings exceed it", () => {
    expect(budgetLevel({ budgetCents: 500_000, warnings: ["booked_near_budget"] })).toBe("near");
    expect(budgetLevel({ budgetCents: 500_000, warnings: ["planned_exceeds_budget"] })).toBe("near");
    expect(budgetLevel({ budgetCents: 500_000, warnings: ["booked_exceeds_budget", "planned_exceeds_budget"] })).toBe("exceeded");
  });
});

describe("budgetPercent", () => {
  it("is the share of the budget, capped at 100, none without a budget", () => {
    expect(budgetPercent(305_000, 500_000)).toBe(61);
    expect(budgetPercent(600_000, 500_000)).toBe(100);
    expect(budgetPercent(1, null)).toBeNull();
    expect(budgetPercent(1, 0)).toBeNull();
  });
});
