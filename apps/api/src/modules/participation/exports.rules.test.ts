import { describe, expect, it } from "vitest";
import { certificateState, requiredSessions } from "./certificate.service.js";
import { budgetStatus } from "./health-budget.service.js";

describe("§20 certificate rule", () => {
  it("needs ⌈80 %⌉ of the counted sessions, in integers", () => {
    expect([1, 2, 4, 5, 8, 10, 12].map((n) => requiredSessions(n))).toEqual([1, 2, 4, 4, 7, 8, 10]);
  });
  it("waits for the course to end and refuses a called-off course", () => {
    expect(certificateState({ counted: 10, upcoming: 0, attended: 8, status: "closed" })).toMatchObject({
      available: true,
      reason: "available",
    });
    expect(certificateState({ counted: 10, upcoming: 0, attended: 7, status: "open" }).reason).toBe("too_few_sessions");
    expect(certificateState({ counted: 2, upcoming: 6, attended: 2, status: "open" }).reason).toBe("course_running");
    expect(certificateState({ counted: 8, upcoming: 0, attended: 8, status: "cancelled" }).reason).toBe("course_cancelled");
    expect(certificateState({ counted: 0, upcoming: 0, attended: 0, status: "open" }).reason).toBe("too_few_sessions");
  });
});

describe("health budget status", () => {
  it("near from 80 % of 600 €, over above it", () => {
    expect([47_999, 48_000, 60_000, 60_001].map((c) => budgetStatus(c))).toEqual(["ok", "near", "near", "over"]);
  });
});
