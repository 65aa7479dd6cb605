import { describe, expect, it } from "vitest";
import { companiesOf, discloseStats, type StatAtom } from "./disclosure.js";

const atom = (over: Partial<StatAtom>): StatAtom => ({
  offeringId: "00000000-0000-4000-8000-000000000001",
  week: "2026-11-30",
  needKind: "task",
  suggested: 0,
  opened: 0,
  requested: 0,
  suggestedBits: 0,
  openedBits: 0,
  requestedBits: 0,
  ...over,
});

describe("discloseStats", () => {
  it("estimates distinct companies from the sketch, erring low", () => {
    expect(companiesOf(0)).toBe(0);
    expect(companiesOf(4)).toBeLessThan(5);
    expect(companiesOf(5)).toBeGreaterThanOrEqual(5);
    expect(companiesOf(64)).toBe(Number.POSITIVE_INFINITY);
  });

  it("withholds a need kind of fewer than five companies and leaves it out of every sum", () => {
    const [o] = discloseStats(
      [
        atom({ needKind: "task", suggested: 40, suggestedBits: 9 }),
        atom({ needKind: "survey", suggested: 3, suggestedBits: 2 }),
        atom({ needKind: "none", opened: 7, openedBits: 6, requested: 2, requestedBits: 2 }),
      ],
      5,
    );
    expect(o?.weeks).toEqual([
      { week: "2026-11-30", suggested: 40, opened: 7, requested: null, needs: [{ needKind: "task", suggested: 40 }] },
    ]);
    // Totals add shown figures only: 40, not 43, so the survey's 3 cannot be got back by subtracting.
    expect(o?.totals).toEqual({ suggested: 40, opened: 7, requested: 0 });
    expect(o?.needs).toEqual([{ needKind: "task", suggested: 40 }]);
    expect(o?.withheld).toBe(2);
  });

  it("says null, not 0, for a week whose only figures are withheld", () => {
    const [o] = discloseStats([atom({ suggested: 2, suggestedBits: 2 })], 5);
    expect(o?.weeks[0]?.suggested).toBeNull();
    expect(o?.totals.suggested).toBe(0);
  });
});
