import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CompanyDataSource,
  DATA_SCOPES,
  dataFieldLabel,
  dataScope,
  MIN_GROUP_SIZE,
  projectToFields,
  type SourceEmployee,
} from "./data-scopes.js";
import { discloseGroups } from "./group-disclosure.js";

interface World {
  employees: (SourceEmployee & { active: boolean })[];
  goals: { title: string; target: string; dueDate: string | null }[];
  survey: { scale: string; group: string; mean: number; n: number }[];
}

/** A company's data in memory, read through the same interface the API implements on the database. */
function sourceOf(w: World): CompanyDataSource {
  const active = () => w.employees.filter((e) => e.active);
  return {
    groupDisclosure: async () => {
      const sizes = new Map<string, number>();
      for (const e of active()) sizes.set(e.department, (sizes.get(e.department) ?? 0) + 1);
      return discloseGroups([...sizes].map(([name, size]) => ({ name, size })));
    },
    listGoals: async () => w.goals,
    surveyResults: async () => w.survey,
    listActiveEmployees: async (n) =>
      active().filter((e) => (!n.departments || n.departments.includes(e.department)) && (!n.employeeIds || n.employeeIds.includes(e.id))),
  };
}

const employeeArb = fc.record({
  id: fc.uuid(),
  firstName: fc.string({ minLength: 1, maxLength: 10 }),
  lastName: fc.string({ minLength: 1, maxLength: 10 }),
  email: fc.emailAddress(),
  department: fc.constantFrom("IT", "Vertrieb", "Produktion", "Lager"),
  active: fc.boolean(),
  // A field no scope declares: it must never appear in any output.
  secretSalary: fc.integer(),
});
const worldArb = fc.record({
  employees: fc.array(employeeArb, { maxLength: 40 }),
  goals: fc.array(fc.record({ title: fc.string(), target: fc.string(), dueDate: fc.constant(null) }), { maxLength: 5 }),
  survey: fc.array(
    fc.record({
      scale: fc.constantFrom("stress", "burnout"),
      group: fc.constantFrom("IT", "Vertrieb", "all"),
      mean: fc.float({ min: 0, max: 100, noNaN: true }),
      n: fc.integer({ min: 0, max: 50 }),
    }),
    { maxLength: 10 },
  ),
});

describe("data scope registry", () => {
  it("has unique keys, declared fields, purposes and previews in both languages", () => {
    const keys = DATA_SCOPES.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of DATA_SCOPES) {
      expect(s.fields.length).toBeGreaterThan(0);
      expect(s.purpose.de && s.purpose.en && s.label.de && s.label.en).toBeTruthy();
    }
    expect(dataScope("employee_list")?.sensitivity).toBe("high");
    expect(dataScope("nope")).toBeUndefined();
  });

  it("names every declared field in both languages, and only those", () => {
    for (const s of DATA_SCOPES) {
      expect(Object.keys(s.fieldLabels).sort()).toEqual([...s.fields].sort());
      for (const label of Object.values(s.fieldLabels)) expect(label.de && label.en).toBeTruthy();
    }
    expect(dataFieldLabel("department_structure", "size").de).toBe("Abteilungsgröße");
    // A field of an older scope version (or an unknown scope) keeps its key rather than vanishing.
    expect(dataFieldLabel("department_structure", "suppressed").en).toBe("Size withheld");
    expect(dataFieldLabel("department_structure", "headcount")).toEqual({ de: "headcount", en: "headcount" });
    expect(dataFieldLabel("nope", "x")).toEqual({ de: "x", en: "x" });
  });

  it("never releases a field outside a scope's declared fields", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.constantFrom(...DATA_SCOPES), async (world, scope) => {
        const out = await scope.resolve(sourceOf(world), {});
        for (const r of projectToFields(out.records, scope.fields)) expect(Object.keys(r).sort()).toEqual([...scope.fields].sort());
        for (const r of out.records) for (const k of Object.keys(r)) expect(scope.fields).toContain(k);
      }),
      { numRuns: 200 },
    );
  });

  it("never shows a group or department smaller than the minimum group size", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const src = sourceOf(world);
        const survey = await dataScope("survey_results")?.resolve(src, {});
        for (const r of survey?.records ?? []) expect(Number(r.n)).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
        const depts = await dataScope("department_structure")?.resolve(src, {});
        for (const r of depts?.records ?? []) {
          // Numbers or null, never a "< 5" string; a withheld size says so.
          expect(r.size === null || (typeof r.size === "number" && r.size >= MIN_GROUP_SIZE)).toBe(true);
          expect(r.combinedSize === null || (typeof r.combinedSize === "number" && r.combinedSize >= MIN_GROUP_SIZE)).toBe(true);
          expect(r.suppressed).toBe(r.size === null);
        }
        const count = await dataScope("employee_count")?.resolve(src, {});
        const total = count?.records[0]?.employeeCount;
        expect(total === null || total === 0 || (typeof total === "number" && total >= MIN_GROUP_SIZE)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("lists only active employees, narrowed as the manager chose, and names them as subjects", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.subarray(["IT", "Vertrieb", "Produktion", "Lager"]), async (world, departments) => {
        const out = await dataScope("employee_list")?.resolve(sourceOf(world), { departments });
        const expected = world.employees.filter((e) => e.active && departments.includes(e.department));
        expect(out?.subjectEmployeeIds.sort()).toEqual(expected.map((e) => e.id).sort());
        expect(out?.records.map((r) => r.email).sort()).toEqual(expected.map((e) => e.email).sort());
      }),
      { numRuns: 100 },
    );
  });

  it("previews in plain words what will be shared", async () => {
    const world: World = {
      employees: Array.from({ length: 120 }, (_, i) => ({
        id: `e${i}`,
        firstName: "A",
        lastName: "B",
        email: `a${i}@x.de`,
        department: "IT",
        active: true,
      })),
      goals: [
        { title: "a", target: "b", dueDate: null },
        { title: "c", target: "d", dueDate: null },
        { title: "e", target: "f", dueDate: null },
      ],
      survey: [],
    };
    const src = sourceOf(world);
    expect((await dataScope("employee_list")?.preview(src, {}))?.en).toBe("120 employees will receive the survey link");
    expect((await dataScope("goals")?.preview(src, {}))?.en).toBe("Your 3 defined health goals will be shared");
    expect((await dataScope("goals")?.preview(src, {}))?.de).toBe("Ihre 3 definierten Gesundheitsziele werden geteilt");
    expect((await dataScope("employee_count")?.preview(src, {}))?.en).toBe("The number 120 (active employees) will be shared");
    expect((await dataScope("department_structure")?.preview(src, {}))?.en).toBe("1 department will be shared: 1 with their own size");
    const small = sourceOf({
      ...world,
      employees: [...world.employees.slice(0, 10), { ...world.employees[0]!, id: "x", department: "Lager" }],
    });
    // The preview says what the partner will actually get: the small department only inside a combined group.
    expect((await dataScope("department_structure")?.preview(small, {}))?.en).toBe(
      "2 departments will be shared: 0 with their own size, 2 only within a combined group of at least 5",
    );
    const tiny = sourceOf({ ...world, employees: world.employees.slice(0, 3) });
    expect((await dataScope("department_structure")?.preview(tiny, {}))?.de).toBe(
      "1 Abteilung wird geteilt: 0 mit eigener Größe, 1 ohne Größe",
    );
    expect((await dataScope("employee_count")?.preview(tiny, {}))?.en).toBe(
      "The number of employees is withheld (it would reveal a group of fewer than 5 people)",
    );
  });
});
