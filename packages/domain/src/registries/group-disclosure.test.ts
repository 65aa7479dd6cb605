import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE } from "./data-scopes.js";
import { derivableSmallGroups, followsFrom } from "./differencing.js";
import { type DepartmentSize, discloseGroups, type GroupDisclosure, namedDepartmentsOf } from "./group-disclosure.js";

/** Every head count in a disclosure, as the set of departments it counts. */
function figuresOf(d: GroupDisclosure): string[][] {
  const figures: string[][] = d.departments.filter((r) => r.size !== null).map((r) => [r.department]);
  const groups = new Map<string, string[]>();
  for (const r of d.departments) if (r.combinedGroup) groups.set(r.combinedGroup, [...(groups.get(r.combinedGroup) ?? []), r.department]);
  figures.push(...groups.values());
  if (d.total !== null) figures.push(d.departments.map((r) => r.department));
  return figures;
}

const dept = (name: string, size: number): DepartmentSize => ({ name, size });

describe("one disclosure of head counts per company and partner", () => {
  it("the issue's case: a department of 2 is combined, and the total is the sum of what is shown", () => {
    const d = discloseGroups([dept("IT", 60), dept("Vertrieb", 40), dept("Lager", 2), dept("Produktion", 21)]);
    expect(d.total).toBe(123);
    expect(d.departments).toEqual([
      { department: "IT", size: 60, suppressed: false, combinedGroup: null, combinedSize: null },
      { department: "Lager", size: null, suppressed: true, combinedGroup: "Sonstige", combinedSize: 23 },
      { department: "Produktion", size: null, suppressed: true, combinedGroup: "Sonstige", combinedSize: 23 },
      { department: "Vertrieb", size: 40, suppressed: false, combinedGroup: null, combinedSize: null },
    ]);
    // The figures of version 1 (total, every department of 5 or more) gave the small one away.
    const universe = ["IT", "Vertrieb", "Lager", "Produktion"];
    expect(followsFrom([universe, ["IT"], ["Vertrieb"], ["Produktion"]], ["Lager"], universe)).toBe(true);
    expect(followsFrom(figuresOf(d), ["Lager"], universe)).toBe(false);
  });

  it("small departments that reach the minimum together are combined without touching the others", () => {
    const d = discloseGroups([dept("A", 3), dept("B", 2), dept("C", 9)]);
    expect(d.departments.map((r) => [r.department, r.size, r.combinedSize])).toEqual([
      ["A", null, 5],
      ["B", null, 5],
      ["C", 9, null],
    ]);
    expect(d.total).toBe(14);
  });

  it("a company below the minimum gets no figure at all, unless its list already names everyone", () => {
    const tiny = [dept("A", 3), dept("B", 1)];
    const d = discloseGroups(tiny);
    expect(d.total).toBeNull();
    expect(d.departments.every((r) => r.suppressed && r.combinedGroup === null && r.combinedSize === null)).toBe(true);
    // An unnarrowed employee list tells the partner the total anyway (its length).
    expect(discloseGroups(tiny, namedDepartmentsOf([{}])).total).toBe(4);
  });

  it("never combines departments across the line an employee list draws", () => {
    // The list names IT and Lager (2): Lager cannot hide among Verwaltung, or |list| - IT would give Lager,
    // and Sonstige - Lager would give Verwaltung.
    const named = namedDepartmentsOf([{ departments: ["IT", "Lager"] }]);
    const d = discloseGroups([dept("IT", 16), dept("Lager", 2), dept("Verwaltung", 3), dept("Vertrieb", 8)], named);
    const group = (name: string) => d.departments.find((r) => r.department === name)?.combinedGroup;
    expect(group("Lager")).toBe(group("IT"));
    expect(group("Verwaltung")).toBe(group("Vertrieb"));
    expect(group("Lager")).not.toBe(group("Verwaltung"));
  });

  it("lists of chosen people are no department head count; unnarrowed lists name every department", () => {
    expect(namedDepartmentsOf([{ employeeIds: ["x"] }, { departments: ["IT"], employeeIds: ["y"] }])).toEqual({
      all: false,
      departments: [],
    });
    expect(namedDepartmentsOf([{ departments: ["B", "A"] }, { departments: ["A"] }])).toEqual({ all: false, departments: ["A", "B"] });
    expect(namedDepartmentsOf([{ departments: ["A"] }, {}]).all).toBe(true);
  });

  it("no group below the minimum follows by sums and differences from everything one partner holds", () => {
    const NAMES = ["IT", "Vertrieb", "Lager", "Produktion", "Verwaltung", "Einkauf"];
    const companyArb = fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), size: fc.integer({ min: 1, max: 12 }) }), {
      selector: (d) => d.name,
      maxLength: NAMES.length,
    });
    const listArb = fc.oneof(
      fc.constant({}),
      fc.record({ departments: fc.subarray(NAMES) }),
      fc.record({ employeeIds: fc.constant(["e"]) }),
    );
    fc.assert(
      fc.property(companyArb, fc.array(listArb, { maxLength: 3 }), (company, lists) => {
        const named = namedDepartmentsOf(lists);
        const d = discloseGroups(company, named);
        const present = company.map((c) => c.name);
        // What the partner holds: the disclosure (every engagement gets the same) and each list's length.
        const listFigures = lists.flatMap((l) =>
          "employeeIds" in l ? [] : "departments" in l ? [l.departments.filter((x) => present.includes(x))] : [present],
        );
        expect(derivableSmallGroups(company, [...figuresOf(d), ...listFigures], named)).toEqual([]);
        for (const r of d.departments) {
          expect(r.size === null || r.size >= MIN_GROUP_SIZE).toBe(true);
          expect(r.combinedSize === null || r.combinedSize >= MIN_GROUP_SIZE).toBe(true);
          expect(r.suppressed).toBe(r.size === null);
        }
        // Every figure is the true head count of what it counts.
        const sizeOf = (names: string[]) => company.filter((c) => names.includes(c.name)).reduce((s, c) => s + c.size, 0);
        for (const r of d.departments) if (r.size !== null) expect(r.size).toBe(sizeOf([r.department]));
        for (const r of d.departments) {
          if (r.combinedGroup) {
            const members = d.departments.filter((x) => x.combinedGroup === r.combinedGroup).map((x) => x.department);
            expect(r.combinedSize).toBe(sizeOf(members));
          }
        }
        if (d.total !== null) expect(d.total).toBe(sizeOf(present));
      }),
      { numRuns: 300 },
    );
  });
});
