import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE } from "./data-scopes.js";
import { derivableSmallGroups } from "./differencing.js";
import { derivableSmallCellGroups, derivableSmallOverlapGroups } from "./participation-differencing.js";
import { coarsenCells, discloseFamily } from "./participation-disclosure.js";
import {
  type AttendanceFigure,
  interventionFamilyDisclosure,
  type PlacesCell,
  peopleDisclosure,
  periodDisclosure,
  quarterOf,
  sessionsDisclosure,
} from "./participation-figures.js";

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const cell = (key: string, attended: string[], notAttended: string[] = []): PlacesCell => ({
  key,
  attended: attended.length,
  notAttended: notAttended.length,
  attendedPeople: attended,
  notAttendedPeople: notAttended,
});

/** Every figure of a places disclosure, as the set of cells (`key|a`, `key|n`) it counts. */
function placesFigures(rows: [string[], AttendanceFigure][]): string[][] {
  const out: string[][] = [];
  for (const [keys, f] of rows) {
    if (f.attendedCount !== null) out.push(keys.map((k) => `${k}|a`));
    if (f.registeredCount !== null) out.push(keys.flatMap((k) => [`${k}|a`, `${k}|n`]));
  }
  return out;
}
const placesCells = (cells: PlacesCell[]) =>
  cells.flatMap((c) => [
    { key: `${c.key}|a`, people: c.attendedPeople ?? [] },
    { key: `${c.key}|n`, people: c.notAttendedPeople ?? [] },
  ]);

describe("sessions as a partner sees them", () => {
  it("a session with 3 attendees shows no figure, and cannot be recovered from the intervention's total", () => {
    const d = sessionsDisclosure(
      [cell("s1", people("a", 12)), cell("s2", people("a", 3)), cell("s3", people("a", 9), people("b", 5))],
      MIN_GROUP_SIZE,
    );
    expect(d.cells.get("s2")).toMatchObject({ attendedCount: null, registeredCount: null, attendanceRate: null, suppressed: true });
    // s2 joins the smallest session of at least five (s3) in a combined group; s1 keeps its figures.
    expect(d.cells.get("s1")).toMatchObject({ attendedCount: 12, registeredCount: 12, attendanceRate: 1, suppressed: false });
    expect(d.cells.get("s3")?.attendedCount).toBeNull();
    expect(d.combinedGroups[0]).toMatchObject({ keys: ["s2", "s3"], attendedCount: 12, registeredCount: 17 });
    expect(d.total).toMatchObject({ attendedCount: 24, registeredCount: 29 });
  });

  it("withholds registrations and the rate when the no-shows are a small group, but keeps attendance", () => {
    // The brief's 28 of 32: 4 no-shows. 32 − 28 would name a group of 4.
    const d = sessionsDisclosure([cell("s1", people("a", 28), people("n", 4))], MIN_GROUP_SIZE);
    expect(d.cells.get("s1")).toMatchObject({ attendedCount: 28, registeredCount: null, attendanceRate: null, suppressed: true });
    const ok = sessionsDisclosure([cell("s1", people("a", 28), people("n", 5))], MIN_GROUP_SIZE);
    expect(ok.cells.get("s1")).toMatchObject({ attendedCount: 28, registeredCount: 33, suppressed: false });
  });

  it("counts distinct people in combined sessions: one person in four sessions is one person", () => {
    const same = ["x", "y"];
    const d = sessionsDisclosure(
      ["s1", "s2", "s3", "s4"].map((s) => cell(s, same)),
      MIN_GROUP_SIZE,
    );
    // 8 places, 2 people: nothing at all is shown.
    expect(d.total.attendedCount).toBeNull();
    expect([...d.cells.values()].every((c) => c.attendedCount === null)).toBe(true);
  });

  it("no group of fewer than the minimum follows from the sessions and the totals (random courses)", () => {
    const pool = people("p", 14);
    const sessionArb = fc.record({
      attended: fc.subarray(pool),
      noShowShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(sessionArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(5, 7), (sessions, min) => {
        const cells = sessions.map((s, i) => {
          const rest = pool.filter((p) => !s.attended.includes(p));
          return cell(`s${i}`, s.attended, rest.slice(0, Math.round(s.noShowShare * rest.length)));
        });
        const d = sessionsDisclosure(cells, min);
        const rows: [string[], AttendanceFigure][] = [
          ...cells.map((c) => [[c.key], d.cells.get(c.key) as AttendanceFigure] as [string[], AttendanceFigure]),
          [cells.map((c) => c.key), d.total],
          ...d.combinedGroups.map((g) => [g.keys, g] as [string[], AttendanceFigure]),
        ];
        expect(derivableSmallCellGroups(placesCells(cells), placesFigures(rows), min)).toEqual([]);
        for (const [keys, f] of rows) {
          const inSet = cells.filter((c) => keys.includes(c.key));
          if (f.attendedCount !== null) expect(f.attendedCount).toBe(inSet.reduce((s, c) => s + c.attended, 0));
          if (f.registeredCount !== null) expect(f.registeredCount).toBe(inSet.reduce((s, c) => s + c.attended + c.notAttended, 0));
          expect(f.suppressed).toBe(f.attendedCount === null || f.registeredCount === null);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("months and quarters", () => {
  it("a month is the same whatever period asks for it, and a quarter never reveals a withheld month", () => {
    const pool = people("p", 12);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ month: fc.integer({ min: 1, max: 6 }), attended: fc.subarray(pool), noShows: fc.integer({ min: 0, max: 6 }) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (raw) => {
          const byMonth = new Map<string, PlacesCell>();
          for (const r of raw) {
            const key = `2026-0${r.month}`;
            const rest = pool.filter((p) => !r.attended.includes(p)).slice(0, r.noShows);
            byMonth.set(key, cell(key, r.attended, rest));
          }
          const cells = [...byMonth.values()];
          const d = periodDisclosure(cells, MIN_GROUP_SIZE);
          const rows: [string[], AttendanceFigure][] = [
            ...cells.map((c) => [[c.key], d.months.get(c.key) as AttendanceFigure] as [string[], AttendanceFigure]),
            ...[...d.quarters].map(
              ([q, f]) => [cells.filter((c) => quarterOf(c.key) === q).map((c) => c.key), f] as [string[], AttendanceFigure],
            ),
          ];
          expect(derivableSmallCellGroups(placesCells(cells), placesFigures(rows), MIN_GROUP_SIZE)).toEqual([]);
          // Asking for one quarter alone gives its months the same figures.
          for (const q of d.quarters.keys()) {
            const alone = periodDisclosure(
              cells.filter((c) => quarterOf(c.key) === q),
              MIN_GROUP_SIZE,
            );
            for (const [m, f] of alone.months) expect(f).toEqual(d.months.get(m));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("departments and locations", () => {
  it("a department breakdown that would reveal one person is suppressed", () => {
    const d = peopleDisclosure(
      [
        { key: "Vertrieb", participants: 20, nonParticipants: 20 },
        { key: "IT", participants: 12, nonParticipants: 6 },
        { key: "Lager", participants: 1, nonParticipants: 7 },
      ],
      MIN_GROUP_SIZE,
    );
    expect(d.cells.get("Lager")).toMatchObject({ participants: { value: null, suppressed: true }, participationRate: null });
    // Lager's one participant is combined with the next smallest (IT): 33 − 20 would otherwise be 13 = 12 + 1.
    expect(d.cells.get("IT")?.participants.suppressed).toBe(true);
    expect(d.combinedGroups[0]).toMatchObject({ keys: ["IT", "Lager"], participants: { value: 13, suppressed: false } });
    expect(d.participants).toEqual({ value: 33, suppressed: false });
  });

  it("no group below the minimum follows from participants and non-participants per department", () => {
    const names = ["IT", "Vertrieb", "Lager", "Produktion", "Verwaltung"];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            key: fc.constantFrom(...names),
            participants: fc.integer({ min: 0, max: 9 }),
            nonParticipants: fc.integer({ min: 0, max: 9 }),
          }),
          { selector: (c) => c.key, minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom(5, 6),
        (cells, min) => {
          const d = peopleDisclosure(cells, min);
          const figures: string[][] = [];
          const add = (keys: string[], f: { participants: { value: number | null }; nonParticipants: { value: number | null } }) => {
            if (f.participants.value !== null) figures.push(keys.map((k) => `${k}|p`));
            if (f.nonParticipants.value !== null) figures.push(keys.map((k) => `${k}|n`));
          };
          for (const c of cells) add([c.key], d.cells.get(c.key) as never);
          for (const g of d.combinedGroups) add(g.keys, g);
          if (d.participants.value !== null) figures.push(cells.map((c) => `${c.key}|p`));
          // Departments partition the people: each cell has people of its own.
          const asCells = cells.flatMap((c) => [
            { key: `${c.key}|p`, people: people(`${c.key}p`, c.participants) },
            { key: `${c.key}|n`, people: people(`${c.key}n`, c.nonParticipants) },
          ]);
          expect(derivableSmallCellGroups(asCells, figures, min)).toEqual([]);
          if (min === MIN_GROUP_SIZE) {
            const sizes = asCells.map((c) => ({ name: c.key, size: c.people.length }));
            expect(derivableSmallGroups(sizes, figures, { all: false, departments: [] })).toEqual([]);
          }
          for (const f of [...d.cells.values(), ...d.combinedGroups]) {
            for (const v of [f.participants.value, f.nonParticipants.value]) if (v !== null) expect(v === 0 || v >= min).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("people per intervention, category, field of action and approach", () => {
  const IDS = ["i1", "i2", "i3", "i4", "i5", "i6"];
  const interventionArb = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...IDS),
      category: fc.constantFrom("movement", "nutrition", "mental_health"),
      fieldOfAction: fc.constantFrom("movement", "nutrition", "stress_resources"),
      approach: fc.constantFrom("behavioural", "structural"),
    }),
    { selector: (i) => i.id, minLength: 1, maxLength: 6 },
  );

  it("the total minus a category is a group: withheld when it is small", () => {
    const interventions = [
      { id: "i1", category: "nutrition", fieldOfAction: "nutrition", approach: "behavioural" },
      { id: "i2", category: "movement", fieldOfAction: "movement", approach: "behavioural" },
    ];
    // 20 in nutrition, 3 of them also in movement, 2 only in movement: reached 22, so 22 − 20 = 2.
    const hits = [...Array.from({ length: 17 }, () => ["i1"]), ...Array.from({ length: 3 }, () => ["i1", "i2"]), ["i2"], ["i2"]];
    const d = interventionFamilyDisclosure(interventions, hits, MIN_GROUP_SIZE);
    expect(d.peopleReached).toEqual({ value: 22, suppressed: false });
    expect(d.byCategory.get("nutrition")).toEqual({ value: null, suppressed: true });
    expect(d.byCategory.get("movement")).toEqual({ value: 5, suppressed: false });
  });

  it("the checker finds what naive suppression lets through (crossing groupings single out one pattern)", () => {
    // Fields {i2,i3} and {i1}; categories {i1,i2} and {i3}; each figure is 5 or more, yet
    // field + category − total − i2 counts exactly the people who attended i1 and i3 and nothing else.
    const hits = [
      ...Array.from({ length: 6 }, () => ["i1"]),
      ...Array.from({ length: 6 }, () => ["i2"]),
      ...Array.from({ length: 6 }, () => ["i3"]),
      ["i1", "i3"],
    ];
    const naive = [
      { elements: ["i1", "i2", "i3"], value: 19 },
      { elements: ["i2", "i3"], value: 13 },
      { elements: ["i1", "i2"], value: 13 },
      { elements: ["i2"], value: 6 },
    ];
    expect(derivableSmallOverlapGroups(naive, hits, ["i1", "i2", "i3"], MIN_GROUP_SIZE).length).toBeGreaterThan(0);
    // discloseFamily keeps the sets laminar: the crossing one is withheld.
    const d = discloseFamily(
      [
        { key: "t", elements: ["i1", "i2", "i3"] },
        { key: "f", elements: ["i2", "i3"] },
        { key: "c", elements: ["i1", "i2"] },
        { key: "i", elements: ["i2"] },
      ],
      hits,
      MIN_GROUP_SIZE,
    );
    expect(d.get("c")).toEqual({ value: null, suppressed: true });
  });

  it("no group below the minimum follows from everything a report publishes, over every possible pattern", () => {
    const personArb = (ids: string[]) => fc.subarray(ids);
    fc.assert(
      fc.property(
        interventionArb.chain((iv) =>
          fc.tuple(fc.constant(iv), fc.array(personArb(iv.map((i) => i.id)), { minLength: 0, maxLength: 40 }), fc.constantFrom(5, 6)),
        ),
        ([interventions, hits, min]) => {
          const d = interventionFamilyDisclosure(interventions, hits, min);
          const published: { elements: string[]; value: number }[] = [];
          const push = (elements: string[], f: { value: number | null } | undefined) => {
            if (f && f.value !== null) published.push({ elements, value: f.value });
          };
          const of = (pred: (i: (typeof interventions)[number]) => boolean) => interventions.filter(pred).map((i) => i.id);
          push(
            interventions.map((i) => i.id),
            d.peopleReached,
          );
          for (const [k, f] of d.byIntervention) push([k], f);
          for (const [k, f] of d.byCategory)
            push(
              of((i) => i.category === k),
              f,
            );
          for (const [k, f] of d.byFieldOfAction)
            push(
              of((i) => i.fieldOfAction === k),
              f,
            );
          for (const [k, f] of d.byApproach)
            push(
              of((i) => i.approach === k),
              f,
            );
          // Every published figure is the true number of distinct people.
          for (const p of published) expect(p.value).toBe(hits.filter((h) => h.some((x) => p.elements.includes(x))).length);
          expect(
            derivableSmallOverlapGroups(
              published,
              hits,
              interventions.map((i) => i.id),
              min,
            ),
          ).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe("coarsening", () => {
  it("combines small cells with the next smallest until the minimum is reached, ADR 0007's rule", () => {
    const c = coarsenCells(
      [
        { key: "a", count: 3 },
        { key: "b", count: 1 },
        { key: "c", count: 9 },
        { key: "d", count: 0 },
        { key: "e", count: 6 },
      ],
      MIN_GROUP_SIZE,
    );
    expect(c.blocks.map((b) => [b.keys.sort(), b.safe])).toEqual([
      [["a", "b", "e"], true],
      [["d"], true],
      [["c"], true],
    ]);
    expect(c.publishable(["c", "d"])).toBe(true);
    expect(c.publishable(["a", "b"])).toBe(false);
    expect(c.publishable(["a", "b", "e", "c"])).toBe(true);
  });
});
