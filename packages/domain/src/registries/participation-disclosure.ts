/**
 * Which participation figures may leave the server (ADR 0013). Two shapes of figure, two rules:
 *
 * 1. Additive breakdowns — places in sessions (a partner's sessions, months) and people in departments or
 *    locations: every figure is a sum over cells of one partition. `coarsenCells` groups the cells into
 *    blocks of none or at least `min` people (ADR 0007's rule: small cells are combined, and while the
 *    combination is still small the next smallest cell joins it), and a figure is published only when it
 *    is a union of safe blocks (`Coarsening.publishable`). Sums and differences of unions of blocks are
 *    unions of blocks, so nothing smaller than a block can be computed.
 * 2. Overlapping head counts — distinct people per intervention, category, field of action, approach and in
 *    total: a person counts in several of them, so differences are not unions. `discloseFamily` publishes a
 *    figure only while the published sets stay laminar (nested or disjoint) and every difference of nested
 *    sets and every overlap of two sets that make up a third is none or at least `min` people.
 *
 * Counts of people are always distinct people. A cell's people are needed only while it is small: a block
 * that contains a cell of `min` or more people has at least `min` people whatever else it holds.
 */

export interface DisclosureCell {
  key: string;
  /** People in the cell (for a session: places, one per person). */
  count: number;
  /**
   * Who they are, when the same person can be in several cells (sessions): needed for cells below the
   * minimum, to count a combination's distinct people. Leave out for cells of a partition of people
   * (departments): their counts add up.
   */
  people?: readonly string[];
}

export interface Block {
  keys: string[];
  /** Distinct people in the block (for a block with a cell of `min` or more: at least that cell's count). */
  size: number;
  /** None or at least the minimum: figures that are unions of safe blocks may be published. */
  safe: boolean;
  /** Made of cells below the minimum (and whatever joined them), rather than one cell of its own. */
  combined: boolean;
}

/** A figure that may or may not be published; null exactly when withheld. */
export interface ProtectedCount {
  value: number | null;
  suppressed: boolean;
}

export const shown = (value: number): ProtectedCount => ({ value, suppressed: false });
export const WITHHELD: ProtectedCount = Object.freeze({ value: null, suppressed: true }) as ProtectedCount;

/** None or at least the minimum: a count about nobody tells nothing about anybody. */
export const isSafeCount = (n: number, min: number) => n === 0 || n >= min;

function unionSize(cells: readonly DisclosureCell[], min: number): number {
  const big = cells.find((c) => c.count >= min);
  if (big) return Math.max(big.count, min);
  const withoutPeople = cells.filter((c) => c.count > 0 && c.people === undefined).length;
  // Cells of a partition of people add up; cells that may share people must say who they are.
  if (withoutPeople === cells.filter((c) => c.count > 0).length) return cells.reduce((s, c) => s + c.count, 0);
  if (withoutPeople > 0) throw new Error("cells below the minimum must all name their people, or none");
  const people = new Set<string>();
  for (const c of cells) for (const p of c.people ?? []) people.add(p);
  return people.size;
}

/** The blocks of one column of cells, and which unions of cells may be published. */
export class Coarsening {
  readonly blocks: Block[];
  private readonly blockOf = new Map<string, Block>();

  constructor(blocks: Block[]) {
    this.blocks = blocks;
    for (const b of blocks) for (const k of b.keys) this.blockOf.set(k, b);
  }

  /** Whether the cells `keys` are exactly a union of safe blocks (cells unknown to the column count as empty). */
  publishable(keys: readonly string[]): boolean {
    const wanted = new Set(keys);
    for (const k of wanted) {
      const b = this.blockOf.get(k);
      if (!b) continue;
      if (!b.safe || b.keys.some((other) => !wanted.has(other))) return false;
    }
    return true;
  }

  /** The combined block a cell was put in, if it is not a block of its own. */
  combinedBlockOf(key: string): Block | null {
    const b = this.blockOf.get(key);
    return b?.combined ? b : null;
  }
}

/**
 * ADR 0007's coarsening over any partition: cells of none or at least `min` people stay on their own; the
 * others are combined; while the combination holds fewer than `min` people, the smallest remaining
 * non-empty cell joins it. If even everything together is below the minimum, the combination is unsafe
 * and no figure that contains it is published.
 */
export function coarsenCells(cells: readonly DisclosureCell[], min: number): Coarsening {
  const bySize = [...cells].sort((a, b) => a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const small = bySize.filter((c) => c.count > 0 && c.count < min);
  const open = bySize.filter((c) => c.count === 0 || c.count >= min);
  const blocks: Block[] = [];
  if (small.length > 0) {
    const combined = [...small];
    let size = unionSize(combined, min);
    while (size < min) {
      const next = open.findIndex((c) => c.count > 0);
      if (next < 0) break;
      combined.push(...open.splice(next, 1));
      size = unionSize(combined, min);
    }
    blocks.push({ keys: combined.map((c) => c.key), size, safe: size >= min, combined: true });
  }
  for (const c of open) blocks.push({ keys: [c.key], size: c.count, safe: true, combined: false });
  return new Coarsening(blocks);
}

/** A figure about the people who took part in any of `elements` (e.g. interventions); `key` names it. */
export interface FamilyCandidate {
  key: string;
  elements: readonly string[];
}

interface Effective {
  key: string;
  /** The candidate's elements that anybody took part in. */
  set: Set<string>;
  count: number;
}

const isSubset = (a: Set<string>, b: Set<string>) => a.size <= b.size && [...a].every((x) => b.has(x));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && isSubset(a, b);
const disjoint = (a: Set<string>, b: Set<string>) => [...a].every((x) => !b.has(x));
const unionEquals = (a: Set<string>, b: Set<string>, c: Set<string>) =>
  a.size + b.size >= c.size && isSubset(a, c) && isSubset(b, c) && [...c].every((x) => a.has(x) || b.has(x));

/**
 * Distinct people per set of elements, in the given order of priority; a figure is withheld when
 * - it is about 1 … min−1 people;
 * - its set crosses an already published one (they overlap without one containing the other): from
 *   crossing sets, sums and differences can single out the people of one combination;
 * - it differs from a published set it contains, or that contains it, by 1 … min−1 people
 *   ("everybody reached except those in nutrition courses");
 * - it and another published set make up a third (or it is made up of two), and the people in both, or in
 *   exactly one, are 1 … min−1 (x + y − (x ∪ y)).
 * Elements nobody took part in are left out of every set first (fewer possibilities is the stricter
 * case). The published sets then form a laminar family on which these are the only small groups one can
 * compute; the property tests check it exactly over every possible pattern of attendance.
 *
 * `hits`: per person, the elements they took part in.
 */
export function discloseFamily(
  candidates: readonly FamilyCandidate[],
  hits: readonly (readonly string[])[],
  min: number,
): Map<string, ProtectedCount> {
  const ground = new Set<string>();
  const people = hits.map((h) => new Set(h));
  for (const h of people) for (const e of h) ground.add(e);
  const countOf = (set: Set<string>) => people.filter((h) => [...h].some((e) => set.has(e))).length;
  const bothOf = (a: Set<string>, b: Set<string>) =>
    people.filter((h) => [...h].some((e) => a.has(e)) && [...h].some((e) => b.has(e))).length;
  const safe = (n: number) => isSafeCount(n, min);

  const published: Effective[] = [];
  const out = new Map<string, ProtectedCount>();
  for (const c of candidates) {
    if (out.has(c.key)) continue;
    const set = new Set(c.elements.filter((e) => ground.has(e)));
    if (set.size === 0) {
      out.set(c.key, shown(0));
      continue;
    }
    const count = countOf(set);
    const same = published.find((p) => sameSet(p.set, set));
    if (same) {
      // The same people as a published figure: the same number, nothing new.
      out.set(c.key, shown(same.count));
      continue;
    }
    let ok = safe(count);
    for (const p of published) {
      if (!ok) break;
      if (isSubset(set, p.set)) ok = safe(p.count - count);
      else if (isSubset(p.set, set)) ok = safe(count - p.count);
      else if (!disjoint(set, p.set)) ok = false;
    }
    if (ok) {
      const me: Effective = { key: c.key, set, count };
      const all = [...published, me];
      outer: for (const x of all) {
        for (const y of all) {
          if (x === y) continue;
          for (const z of all) {
            if (z === x || z === y || (x !== me && y !== me && z !== me)) continue;
            if (!unionEquals(x.set, y.set, z.set)) continue;
            const both = bothOf(x.set, y.set);
            if (!safe(both) || !safe(z.count - both)) {
              ok = false;
              break outer;
            }
          }
        }
      }
      if (ok) published.push(me);
    }
    out.set(c.key, ok ? shown(count) : WITHHELD);
  }
  return out;
}

/** attended / registered, exact (0–1); null when either is withheld or nobody registered. */
export function rateOf(attended: ProtectedCount, registered: ProtectedCount): number | null {
  if (attended.value === null || registered.value === null || registered.value === 0) return null;
  return attended.value / registered.value;
}
