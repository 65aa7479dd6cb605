/**
 * The published figures of each additive breakdown (ADR 0013), from the cells of one partition: which
 * sessions, months or departments show their own figures, which are counted in a combined group, and which
 * totals may be shown. Pure: the API loads the cells and hands the result out as it is.
 */
import { COMBINED_GROUP_LABEL } from "./group-disclosure.js";
import {
  type Coarsening,
  coarsenCells,
  type DisclosureCell,
  discloseFamily,
  isSafeCount,
  type ProtectedCount,
  shown,
  WITHHELD,
} from "./participation-disclosure.js";

/** Places of one session (or month): people who attended, and people who held a place but did not attend. */
export interface PlacesCell {
  key: string;
  attended: number;
  notAttended: number;
  /** Who attended / did not: needed where the count of people is 1 … min−1 (cells may share people). */
  attendedPeople?: readonly string[];
  notAttendedPeople?: readonly string[];
  /** Distinct people, where they can be fewer than the places (a month: one person, several sessions). */
  attendedDistinct?: number;
  notAttendedDistinct?: number;
}

export interface AttendanceFigure {
  attendedCount: number | null;
  registeredCount: number | null;
  attendanceRate: number | null;
  suppressed: boolean;
}

export const SESSIONS_GROUP_LABEL = "Sonstige Termine";

const column = (cells: readonly PlacesCell[], pick: "attended" | "notAttended"): DisclosureCell[] =>
  cells.map((c) =>
    pick === "attended"
      ? { key: c.key, count: c.attendedDistinct ?? c.attended, people: c.attendedPeople }
      : { key: c.key, count: c.notAttendedDistinct ?? c.notAttended, people: c.notAttendedPeople },
  );

/** The attended / registered / rate triple of a set of cells, from both columns' coarsenings. */
function figureOf(cells: readonly PlacesCell[], keys: readonly string[], a: Coarsening, n: Coarsening): AttendanceFigure {
  const inSet = cells.filter((c) => keys.includes(c.key));
  const attended = a.publishable(keys) ? inSet.reduce((s, c) => s + c.attended, 0) : null;
  const registered = attended !== null && n.publishable(keys) ? attended + inSet.reduce((s, c) => s + c.notAttended, 0) : null;
  return {
    attendedCount: attended,
    registeredCount: registered,
    attendanceRate: attended !== null && registered ? attended / registered : null,
    suppressed: attended === null || registered === null,
  };
}

export interface CombinedPlaces extends AttendanceFigure {
  label: string;
  keys: string[];
}

export interface SessionsDisclosure {
  cells: Map<string, AttendanceFigure & { combinedGroup: string | null }>;
  total: AttendanceFigure;
  combinedGroups: CombinedPlaces[];
}

/**
 * The sessions of one intervention as a partner sees them. Attended and not-attended places are two
 * columns, each coarsened over the sessions: attendedCount is shown where the attended places form safe
 * blocks, registeredCount (and the rate) only where the not-attended places do too — otherwise
 * registered − attended would be a small group of no-shows. The intervention's total is the sum of all
 * sessions, shown when every block of the column is safe.
 */
export function sessionsDisclosure(cells: readonly PlacesCell[], min: number): SessionsDisclosure {
  const a = coarsenCells(column(cells, "attended"), min);
  const n = coarsenCells(column(cells, "notAttended"), min);
  const groups: CombinedPlaces[] = [];
  const combinedBlocks = [a.blocks.find((b) => b.combined), n.blocks.find((b) => b.combined)].filter(
    (b): b is NonNullable<typeof b> => b !== undefined,
  );
  for (const b of combinedBlocks) {
    const keys = [...b.keys].sort();
    if (groups.some((g) => g.keys.join() === keys.join())) continue;
    const label = groups.length === 0 ? SESSIONS_GROUP_LABEL : `${SESSIONS_GROUP_LABEL} ${groups.length + 1}`;
    groups.push({ label, keys, ...figureOf(cells, keys, a, n) });
  }
  const out = new Map<string, AttendanceFigure & { combinedGroup: string | null }>();
  for (const c of cells) {
    const group = groups.find((g) => g.keys.includes(c.key));
    out.set(c.key, { ...figureOf(cells, [c.key], a, n), combinedGroup: group?.label ?? null });
  }
  return {
    cells: out,
    total: figureOf(
      cells,
      cells.map((c) => c.key),
      a,
      n,
    ),
    combinedGroups: groups,
  };
}

/** `2026-03` → `2026-Q1`. */
export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * Months and quarters. Each quarter is coarsened on its own (its months are the cells), so a month's figures
 * never depend on which period a report asks for: the same month answers the same everywhere (reports, KPI
 * card). A month is shown when it is a block of its own; a quarter when all its blocks are safe. There is no
 * total across quarters (the people reached are a count of people, in the people report).
 * `months` must hold whole calendar months.
 */
export function periodDisclosure(
  months: readonly PlacesCell[],
  min: number,
): { months: Map<string, AttendanceFigure>; quarters: Map<string, AttendanceFigure> } {
  const byQuarter = new Map<string, PlacesCell[]>();
  for (const m of months) byQuarter.set(quarterOf(m.key), [...(byQuarter.get(quarterOf(m.key)) ?? []), m]);
  const monthOut = new Map<string, AttendanceFigure>();
  const quarterOut = new Map<string, AttendanceFigure>();
  for (const [quarter, cells] of byQuarter) {
    const a = coarsenCells(column(cells, "attended"), min);
    const n = coarsenCells(column(cells, "notAttended"), min);
    for (const c of cells) monthOut.set(c.key, figureOf(cells, [c.key], a, n));
    quarterOut.set(
      quarter,
      figureOf(
        cells,
        cells.map((c) => c.key),
        a,
        n,
      ),
    );
  }
  return { months: monthOut, quarters: quarterOut };
}

/** People of one department or location: who attended in the period, and the active employees who did not. */
export interface PeopleCell {
  key: string;
  participants: number;
  nonParticipants: number;
}

export interface GroupFigure {
  participants: ProtectedCount;
  nonParticipants: ProtectedCount;
  participationRate: number | null;
}

export interface PeopleDisclosure {
  cells: Map<string, GroupFigure & { combinedGroup: string | null }>;
  combinedGroups: (GroupFigure & { label: string; keys: string[] })[];
  /** All participants: the people reached. */
  participants: ProtectedCount;
}

/**
 * Departments (or locations) partition the people, as in ADR 0007: two columns (participants, active
 * non-participants), each coarsened over the departments with ADR 0007's rule; a department shows a column's
 * figure when it is a block of its own, the combined group ("Sonstige") when its block is safe.
 */
export function peopleDisclosure(cells: readonly PeopleCell[], min: number): PeopleDisclosure {
  const p = coarsenCells(
    cells.map((c) => ({ key: c.key, count: c.participants })),
    min,
  );
  const n = coarsenCells(
    cells.map((c) => ({ key: c.key, count: c.nonParticipants })),
    min,
  );
  const figure = (keys: readonly string[]): GroupFigure => {
    const inSet = cells.filter((c) => keys.includes(c.key));
    const participants = p.publishable(keys) ? shown(inSet.reduce((s, c) => s + c.participants, 0)) : WITHHELD;
    const nonParticipants = n.publishable(keys) ? shown(inSet.reduce((s, c) => s + c.nonParticipants, 0)) : WITHHELD;
    const population = (participants.value ?? 0) + (nonParticipants.value ?? 0);
    const rate = participants.value !== null && nonParticipants.value !== null && population > 0 ? participants.value / population : null;
    return { participants, nonParticipants, participationRate: rate };
  };
  const groups: (GroupFigure & { label: string; keys: string[] })[] = [];
  for (const b of [p.blocks.find((x) => x.combined), n.blocks.find((x) => x.combined)]) {
    if (!b) continue;
    const keys = [...b.keys].sort();
    if (groups.some((g) => g.keys.join() === keys.join())) continue;
    groups.push({
      label: groups.length === 0 ? COMBINED_GROUP_LABEL : `${COMBINED_GROUP_LABEL} ${groups.length + 1}`,
      keys,
      ...figure(keys),
    });
  }
  const out = new Map<string, GroupFigure & { combinedGroup: string | null }>();
  for (const c of cells) out.set(c.key, { ...figure([c.key]), combinedGroup: groups.find((g) => g.keys.includes(c.key))?.label ?? null });
  return { cells: out, combinedGroups: groups, participants: figure(cells.map((c) => c.key)).participants };
}

/** A count that is shown only when it is none or at least the minimum (a figure with nothing to subtract it from). */
export const countIfSafe = (n: number, min: number): ProtectedCount => (isSafeCount(n, min) ? shown(n) : WITHHELD);

/** An intervention as the overlapping head counts group it. */
export interface FamilyIntervention {
  id: string;
  category: string;
  fieldOfAction: string;
  approach: string;
}

export interface InterventionFamilyDisclosure {
  peopleReached: ProtectedCount;
  byIntervention: Map<string, ProtectedCount>;
  byCategory: Map<string, ProtectedCount>;
  byFieldOfAction: Map<string, ProtectedCount>;
  byApproach: Map<string, ProtectedCount>;
}

/**
 * Distinct people per intervention, category, field of action, approach and in total, as one family
 * (`discloseFamily`), in this order of priority: the total, fields of action and approaches (what the GKV
 * Präventionsbericht counts), categories, then single interventions. One family for every answer of a period,
 * so that the company report grouped by category and the one grouped by intervention agree.
 * `hits`: per person, the ids of the interventions they attended in the period. `alsoReached`: further
 * elements that count only in the total (a health day's stations, issue 13 4.7), never in a group.
 */
export function interventionFamilyDisclosure(
  interventions: readonly FamilyIntervention[],
  hits: readonly (readonly string[])[],
  min: number,
  alsoReached: readonly string[] = [],
): InterventionFamilyDisclosure {
  const ids = (pred: (i: FamilyIntervention) => boolean) => interventions.filter(pred).map((i) => i.id);
  const distinct = (pick: (i: FamilyIntervention) => string) => [...new Set(interventions.map(pick))].sort();
  const candidates = [
    { key: "total", elements: [...interventions.map((i) => i.id), ...alsoReached] },
    ...distinct((i) => i.fieldOfAction).map((f) => ({ key: `fieldOfAction:${f}`, elements: ids((i) => i.fieldOfAction === f) })),
    ...distinct((i) => i.approach).map((a) => ({ key: `approach:${a}`, elements: ids((i) => i.approach === a) })),
    ...distinct((i) => i.category).map((c) => ({ key: `category:${c}`, elements: ids((i) => i.category === c) })),
    ...[...interventions].sort((x, y) => (x.id < y.id ? -1 : 1)).map((i) => ({ key: `intervention:${i.id}`, elements: [i.id] })),
  ];
  const figures = discloseFamily(candidates, hits, min);
  const pick = (prefix: string) =>
    new Map([...figures].filter(([k]) => k.startsWith(`${prefix}:`)).map(([k, v]) => [k.slice(prefix.length + 1), v] as const));
  return {
    peopleReached: figures.get("total") ?? WITHHELD,
    byIntervention: pick("intervention"),
    byCategory: pick("category"),
    byFieldOfAction: pick("fieldOfAction"),
    byApproach: pick("approach"),
  };
}
