import { describe, expect, it } from "vitest";
import { ALL_RESPONDENTS, surveyRowsOf } from "./company-data-source.js";

describe("survey results shared with partners come from the accepted COPSOQ analysis", () => {
  it("groups of at least five, and no all-respondents row that would let a small remainder be computed", async () => {
    const payload = {
      scales: [
        { key: "a", mean: 50, n: 20 },
        { key: "b", mean: 40, n: 23 },
      ],
      groups: [
        {
          name: "G1",
          scales: [
            { key: "a", mean: 55, n: 10 },
            { key: "b", mean: 41, n: 10 },
          ],
        },
        {
          name: "G2",
          scales: [
            { key: "a", mean: 45, n: 10 },
            { key: "b", mean: 39, n: 10 },
          ],
        },
      ],
    };
    const rows = surveyRowsOf(payload);
    // Scale a: groups cover everyone → overall row shared. Scale b: 3 respondents outside the groups → withheld.
    expect(rows.filter((r) => r.group === ALL_RESPONDENTS).map((r) => r.scale)).toEqual(["a"]);
    expect(rows.every((r) => r.n >= 5)).toBe(true);
    expect(rows).toHaveLength(5);
  });
});
