import { describe, expect, it } from "vitest";
import { certificateState, requiredSessions } from "./certificate.service.js";
import { budgetStatus } from "./health-budget.service.js";
import { countPeople, figuresFrom, protectBreakdown } from "./insurance-report.figures.js";

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

describe("insurer figures (interim suppression)", () => {
  it("withholds 1–4 people, shows 0 and 5+", () => {
    expect([0, 1, 4, 5].map((n) => countPeople(n, 5))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
    ]);
  });
  it("a lone withheld figure of a breakdown takes the next smallest with it", () => {
    const out = protectBreakdown([countPeople(9, 5), countPeople(3, 5), countPeople(6, 5)]);
    expect(out.map((c) => c.value)).toEqual([9, null, null]);
  });

  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const pairs = (id: string, ids: string[]) => ids.map((employeeId) => ({ interventionId: id, employeeId }));

  it("no withheld group follows from one subtraction of shown figures", () => {
    // A: 9 people; B: 3 others (disjoint). Behavioural = A ∪ B = 12, movement = A = 9: 12 − 9 = 3.
    const interventions = [
      { id: "A", sessions: 4, fieldOfAction: "movement" as const, approach: "behavioural" as const },
      { id: "B", sessions: 2, fieldOfAction: "nutrition" as const, approach: "behavioural" as const },
      { id: "C", sessions: 1, fieldOfAction: "work_design" as const, approach: "structural" as const },
    ];
    const f = figuresFrom(interventions, [...pairs("A", people("a", 9)), ...pairs("B", people("b", 3)), ...pairs("C", people("c", 7))], 5);
    const shown: { ids: string[]; value: number }[] = [];
    const add = (ids: string[], c: { value: number | null }) => {
      if (c.value !== null) shown.push({ ids, value: c.value });
    };
    add(["A", "B", "C"], f.peopleReached);
    for (const i of f.byIntervention) add([i.interventionId], i.participants);
    for (const x of f.byFieldOfAction)
      add(
        interventions.filter((i) => i.fieldOfAction === x.fieldOfAction).map((i) => i.id),
        x.participants,
      );
    for (const x of f.byApproach)
      add(
        interventions.filter((i) => i.approach === x.approach).map((i) => i.id),
        x.participants,
      );
    for (const big of shown) {
      for (const small of shown) {
        if (small.ids.length < big.ids.length && small.ids.every((id) => big.ids.includes(id))) {
          const d = big.value - small.value;
          expect(d === 0 || d >= 5, `${big.ids} − ${small.ids} = ${d}`).toBe(true);
        }
      }
    }
    expect(f.byIntervention.find((i) => i.interventionId === "B")?.participants.suppressed).toBe(true);
  });
});
