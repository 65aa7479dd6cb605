import { employee, intervention, participationSession } from "@bgm/db";
import { derivableSmallCellGroups, derivableSmallOverlapGroups } from "@bgm/domain";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngagementWorld, engagementUntil } from "../../../test/engagement-fixtures.js";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import {
  addIntervention,
  addPeople,
  addPlaces,
  addSession,
  day,
  expectNoPersonalData,
  makeAggregatesWorld,
  type Person,
  type PlaceStatus,
} from "../../../test/participation-aggregates-fixtures.js";
import { monthsOfQuarter } from "./aggregates.period.js";

/**
 * ADR 0013 on the real routes and database: random departments, interventions (two of them run by one
 * partner under two engagements) and attendance. Everything that leaves the server about the company is
 * collected per recipient and run through the exact checkers of @bgm/domain:
 * - the partner: every figure of both engagements, by session and by key, as sets of (session, attended /
 *   not attended) cells — no union of cells with 1 … min−1 people follows;
 * - the company's people report grouped by intervention, category, field of action and approach, with the
 *   people reached: no group of 1 … min−1 people follows over every possible pattern of attendance;
 * - the department and the location answer: no group follows from either partition's figures;
 * - months and quarters: as cells of places.
 * Every published figure is also checked against the true count.
 */
const DEPTS = ["Vertrieb", "IT", "Lager"];
const PERIOD = { from: "2026-01-01", to: "2026-04-30" };
const DATES = ["2026-01-14", "2026-02-11", "2026-03-11", "2026-04-15"];

let t: TestApp;
let w: EngagementWorld;
let engagements: string[];
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeAggregatesWorld(t, { companyName: "Zufall GmbH" });
  engagements = [w.engagementId, await engagementUntil(w.asCompany, w.asPartner, w.offeringId, "accepted", "Zweiter Auftrag")];
  key = (await w.asPartner.post("/api/provider/api-keys", { name: "Eigenschaft" })).json().key;
}, 300_000);
afterAll(() => t.close());

const statusArb = fc.constantFrom<PlaceStatus | null>(
  null,
  null,
  "attended",
  "attended",
  "attended",
  "no_show",
  "registered",
  "waitlisted",
);
const worldArb = fc.record({
  depts: fc.tuple(...DEPTS.map(() => fc.integer({ min: 1, max: 7 }))),
  interventions: fc.array(
    fc.record({
      category: fc.constantFrom("movement", "nutrition", "mental_health"),
      fieldOfAction: fc.constantFrom("movement", "nutrition", "stress_resources"),
      approach: fc.constantFrom("behavioural" as const, "structural" as const),
      sessions: fc.array(fc.integer({ min: 0, max: DATES.length - 1 }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 3, maxLength: 3 },
  ),
  seed: fc.array(fc.array(statusArb, { minLength: 21, maxLength: 21 }), { minLength: 9, maxLength: 9 }),
});
type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

interface Place {
  sessionId: string;
  interventionId: string;
  month: string;
  person: Person;
  status: PlaceStatus;
}

async function build(spec: WorldSpec) {
  const db = t.database.db;
  const org = w.company.orgId;
  await db.delete(intervention).where(eq(intervention.orgId, org));
  await db.delete(participationSession).where(eq(participationSession.orgId, org));
  await db.delete(employee).where(eq(employee.orgId, org));
  const people: Person[] = [];
  for (const [i, d] of DEPTS.entries()) {
    people.push(
      ...(await addPeople(t, org, spec.depts[i] as number, { prefix: `${d}x`, department: d, location: i === 0 ? "Hamburg" : "Bremen" })),
    );
  }
  const interventions: { id: string; engagementId: string | null; category: string; fieldOfAction: string; approach: string }[] = [];
  const places: Place[] = [];
  let row = 0;
  for (const [n, iv] of spec.interventions.entries()) {
    const engagementId = n < 2 ? (engagements[n] as string) : null;
    const id = await addIntervention(t, org, { ...iv, engagementId, providerOrgId: engagementId ? w.partner.orgId : null });
    interventions.push({ id, engagementId, category: iv.category, fieldOfAction: iv.fieldOfAction, approach: iv.approach });
    for (const [k, d] of [...new Set(iv.sessions)].entries()) {
      const date = DATES[d] as string;
      const sessionId = await addSession(t, org, id, day(`${date.slice(0, 8)}${String(10 + k).padStart(2, "0")}`));
      const statuses = spec.seed[row++ % spec.seed.length] as (PlaceStatus | null)[];
      const list = people.flatMap((person, j) => (statuses[j] ? [{ person, status: statuses[j] as PlaceStatus }] : []));
      await addPlaces(t, org, sessionId, list);
      places.push(...list.map((p) => ({ ...p, sessionId, interventionId: id, month: date.slice(0, 7) })));
    }
  }
  return { people, interventions, places };
}

const isAttended = (p: Place) => p.status === "attended";
const isNotAttended = (p: Place) => p.status === "registered" || p.status === "no_show";
const ids = (ps: Place[]) => [...new Set(ps.map((p) => p.person.id))];

async function check(spec: WorldSpec, min: number) {
  const { people, interventions, places } = await build(spec);

  // ---- the partner: both engagements, by session and by key
  const cells = new Map<string, string[]>();
  const figures: string[][] = [];
  const cellKeys = (sessionIds: string[], registered: boolean) =>
    sessionIds.flatMap((s) => (registered ? [`${s}|a`, `${s}|n`] : [`${s}|a`]));
  const truth = (sessionIds: string[], pick: (p: Place) => boolean) =>
    places.filter((p) => sessionIds.includes(p.sessionId) && pick(p)).length;
  for (const engagementId of engagements) {
    const res = await w.asPartner.get(`/api/partner/engagements/${engagementId}/participation`);
    expect(res.statusCode, res.body).toBe(200);
    expectNoPersonalData(res, people);
    const viaKey = await t.app.inject({
      method: "GET",
      url: `/api/partner/engagements/${engagementId}/participation`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(viaKey.json()).toEqual(res.json());
    expectNoPersonalData(viaKey, people);
    const body = res.json();
    expect(body.minGroupSize).toBe(min);
    for (const iv of body.interventions) {
      expect(interventions.find((x) => x.id === iv.interventionId)?.engagementId).toBe(engagementId);
      // Sessions without any place are on the list too; only those with places are in `places`.
      for (const s of iv.sessions as { sessionId: string }[]) {
        const own = places.filter((p) => p.sessionId === s.sessionId);
        cells.set(`${s.sessionId}|a`, ids(own.filter(isAttended)));
        cells.set(`${s.sessionId}|n`, ids(own.filter(isNotAttended)));
      }
      const rows: [string[], { attendedCount: number | null; registeredCount: number | null }][] = [
        ...iv.sessions.map(
          (s: { sessionId: string; attendedCount: number | null; registeredCount: number | null }) => [[s.sessionId], s] as const,
        ),
        [iv.sessions.map((s: { sessionId: string }) => s.sessionId), iv],
        ...iv.combinedGroups.map((g: { sessionIds: string[] }) => [g.sessionIds, g] as const),
      ];
      for (const [sessionIds, f] of rows) {
        if (f.attendedCount !== null) {
          expect(f.attendedCount).toBe(truth(sessionIds, isAttended));
          figures.push(cellKeys(sessionIds, false));
        }
        if (f.registeredCount !== null) {
          expect(f.registeredCount).toBe(truth(sessionIds, (p) => isAttended(p) || isNotAttended(p)));
          figures.push(cellKeys(sessionIds, true));
        }
      }
    }
    expect(body.interventions.map((i: { interventionId: string }) => i.interventionId).sort()).toEqual(
      interventions
        .filter((i) => i.engagementId === engagementId)
        .map((i) => i.id)
        .sort(),
    );
  }
  expect(
    derivableSmallCellGroups(
      [...cells].map(([key, people]) => ({ key, people })),
      figures,
      min,
    ),
  ).toEqual([]);

  // ---- the company: people per intervention, category, field of action, approach, and reached
  const q = `from=${PERIOD.from}&to=${PERIOD.to}`;
  const attendedPlaces = places.filter(isAttended);
  const hitsByPerson = new Map<string, string[]>();
  for (const p of attendedPlaces) hitsByPerson.set(p.person.id, [...new Set([...(hitsByPerson.get(p.person.id) ?? []), p.interventionId])]);
  const published: { elements: string[]; value: number }[] = [];
  const trueCount = (elements: string[]) => [...hitsByPerson.values()].filter((h) => h.some((x) => elements.includes(x))).length;
  let reached: { value: number | null } | undefined;
  for (const groupBy of ["intervention", "category", "fieldOfAction", "approach"]) {
    const res = await w.asCompany.get(`/api/participation/reports/people?${q}&groupBy=${groupBy}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    reached ??= body.peopleReached;
    expect(body.peopleReached).toEqual(reached);
    for (const r of body.rows as { interventionIds: string[]; participants: { value: number | null; suppressed: boolean } }[]) {
      expect(r.participants.suppressed).toBe(r.participants.value === null);
      if (r.participants.value === null) continue;
      expect(r.participants.value).toBe(trueCount(r.interventionIds));
      published.push({ elements: r.interventionIds, value: r.participants.value });
    }
  }
  const everything = interventions.map((i) => i.id);
  if (reached?.value != null) {
    expect(reached.value).toBe(hitsByPerson.size);
    published.push({ elements: everything, value: reached.value });
  }
  expect(derivableSmallOverlapGroups(published, [...hitsByPerson.values()], everything, min)).toEqual([]);

  // ---- departments and locations: each a partition of the people
  for (const groupBy of ["department", "location"] as const) {
    const res = await w.asCompany.get(`/api/participation/reports/people?${q}&groupBy=${groupBy}`);
    const body = res.json();
    expect(body.peopleReached).toEqual(reached);
    const groupOf = (p: Person) => (groupBy === "department" ? p.department : p.location);
    const groups = [...new Set(people.map(groupOf))];
    const cellsP = groups.flatMap((g) => [
      { key: `${g}|p`, people: people.filter((p) => groupOf(p) === g && hitsByPerson.has(p.id)).map((p) => p.id) },
      { key: `${g}|n`, people: people.filter((p) => groupOf(p) === g && !hitsByPerson.has(p.id)).map((p) => p.id) },
    ]);
    const size = (k: string) => cellsP.find((c) => c.key === k)?.people.length ?? 0;
    const fig: string[][] = [];
    const take = (keys: string[], f: { participants: { value: number | null }; nonParticipants: { value: number | null } | null }) => {
      if (f.participants.value !== null) {
        expect(f.participants.value).toBe(keys.reduce((s, k) => s + size(`${k}|p`), 0));
        fig.push(keys.map((k) => `${k}|p`));
      }
      if (f.nonParticipants?.value != null) {
        expect(f.nonParticipants.value).toBe(keys.reduce((s, k) => s + size(`${k}|n`), 0));
        fig.push(keys.map((k) => `${k}|n`));
      }
    };
    for (const r of body.rows) take([r.key], r);
    for (const g of body.combinedGroups) take(g.keys, g);
    if (reached?.value != null) fig.push(groups.map((g) => `${g}|p`));
    expect(derivableSmallCellGroups(cellsP, fig, min)).toEqual([]);
  }

  // ---- months and quarters: cells of places
  const monthCells = new Map<string, string[]>();
  const monthFigures: string[][] = [];
  for (const groupBy of ["month", "quarter"]) {
    const res = await w.asCompany.get(`/api/participation/reports/attendance?${q}&groupBy=${groupBy}`);
    expect(res.statusCode, res.body).toBe(200);
    for (const r of res.json().rows as { key: string; attendedCount: number | null; registeredCount: number | null }[]) {
      const months = groupBy === "month" ? [r.key] : monthsOfQuarter(r.key);
      for (const m of months) {
        monthCells.set(`${m}|a`, ids(places.filter((p) => p.month === m && isAttended(p))));
        monthCells.set(`${m}|n`, ids(places.filter((p) => p.month === m && isNotAttended(p))));
      }
      const inMonths = (pick: (p: Place) => boolean) => places.filter((p) => months.includes(p.month) && pick(p)).length;
      if (r.attendedCount !== null) {
        expect(r.attendedCount).toBe(inMonths(isAttended));
        monthFigures.push(months.map((m) => `${m}|a`));
      }
      if (r.registeredCount !== null) {
        expect(r.registeredCount).toBe(inMonths((p) => isAttended(p) || isNotAttended(p)));
        monthFigures.push(months.flatMap((m) => [`${m}|a`, `${m}|n`]));
      }
    }
  }
  expect(
    derivableSmallCellGroups(
      [...monthCells].map(([key, people]) => ({ key, people })),
      monthFigures,
      min,
    ),
  ).toEqual([]);
}

describe("no group below the minimum follows from what leaves the server (random companies)", () => {
  it("with the default minimum of 5", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, (spec) => check(spec, 5)),
      { numRuns: 10 },
    );
  }, 600_000);

  it("with a minimum the company raised to 7", async () => {
    expect((await w.asCompany.put("/api/participation/disclosure", { minGroupSize: 7 })).statusCode).toBe(200);
    await fc.assert(
      fc.asyncProperty(worldArb, (spec) => check(spec, 7)),
      { numRuns: 4 },
    );
  }, 600_000);
});
