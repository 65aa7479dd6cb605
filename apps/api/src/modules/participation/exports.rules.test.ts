import { describe, expect, it } from "vitest";
import { certificateState, requiredSessions } from "./certificate.service.js";
import { budgetStatus } from "./health-budget.service.js";
import { insurerParticipationFrom } from "./insurance-report.figures.js";

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

describe("insurer figures (the aggregation's disclosure rule)", () => {
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const pairs = (id: string, ids: string[]) => ids.map((employeeId) => ({ interventionId: id, employeeId }));
  const held = (id: string, fieldOfAction: string, approach: "behavioural" | "structural") => ({
    id,
    title: id,
    category: "movement",
    fieldOfAction,
    approach,
    targetGroup: "",
    certificationId: null,
    providerOrgId: null,
    providerName: null,
    sessions: 2,
    firstSessionAt: "2025-03-03T08:00:00.000Z",
    lastSessionAt: "2025-03-10T08:00:00.000Z",
  });
  const interventions = [
    held("A", "movement", "behavioural"),
    held("B", "nutrition", "behavioural"),
    held("C", "work_design", "structural"),
  ];

  it("withholds 1–4 people and every figure that would give them away by one subtraction", () => {
    // A: 9 people, B: 3 others, C: 7 others. Behavioural = A ∪ B = 12 and A = 9 would give B's 3 away.
    const f = insurerParticipationFrom(
      { from: "2025-01-01", to: "2025-12-31" },
      interventions,
      [...pairs("A", people("a", 9)), ...pairs("B", people("b", 3)), ...pairs("C", people("c", 7))],
      5,
    );
    expect(f.byIntervention.find((i) => i.interventionId === "B")?.participants).toEqual({ value: null, suppressed: true });
    const shown: { ids: string[]; value: number }[] = [];
    const add = (ids: string[], c: { value: number | null }) => {
      if (c.value !== null) shown.push({ ids, value: c.value });
    };
    add(["A", "B", "C"], f.peopleReached);
    for (const i of f.byIntervention) add([i.interventionId], i.participants);
    for (const x of [...f.byFieldOfAction, ...f.byApproach, ...f.byCategory]) add(x.interventionIds, x.participants);
    for (const big of shown) {
      for (const small of shown) {
        if (small.ids.length < big.ids.length && small.ids.every((id) => big.ids.includes(id))) {
          const d = big.value - small.value;
          expect(d === 0 || d >= 5, `${big.ids} − ${small.ids} = ${d}`).toBe(true);
        }
      }
    }
    expect(f).toMatchObject({ interventions: 3, sessions: 6, minGroupSize: 5 });
  });

  it("0 people is shown, not withheld", () => {
    const f = insurerParticipationFrom({ from: "2025-01-01", to: "2025-12-31" }, interventions, [], 5);
    expect(f.peopleReached).toEqual({ value: 0, suppressed: false });
    expect(f.byIntervention.map((i) => i.participants.value)).toEqual([0, 0, 0]);
  });
});
