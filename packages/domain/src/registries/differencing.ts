/**
 * What a partner can compute from head counts by sums and differences (ADR 0007). Each figure the
 * partner receives is the head count of a set of departments; the head count of a set S follows
 * from them exactly when S's indicator vector is a linear combination of the figures' vectors.
 * The property tests run every received figure through this to prove no small group follows.
 */
import { MIN_GROUP_SIZE } from "./data-scopes.js";
import type { DepartmentSize, NamedDepartments } from "./group-disclosure.js";

type Row = bigint[];

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Rank over the rationals, exactly: integer row reduction, each row divided by its gcd to stay small. */
function rank(rows: Row[]): number {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot] as Row, m[r] as Row];
    const p = m[r] as Row;
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as Row;
      if (i === r || row[c] === 0n) continue;
      const f = row[c] as bigint;
      const next = row.map((v, j) => v * (p[c] as bigint) - (p[j] as bigint) * f);
      const g = next.reduce(gcd, 0n);
      m[i] = g > 1n ? next.map((v) => v / g) : next;
    }
    r++;
  }
  return r;
}

/** Whether the head count of `target` follows from the head counts of `figures` by sums and differences. */
export function followsFrom(figures: readonly (readonly string[])[], target: readonly string[], universe: readonly string[]): boolean {
  const vec = (set: readonly string[]): Row => universe.map((d) => (set.includes(d) ? 1n : 0n));
  const base = figures.map(vec);
  return rank([...base, vec(target)]) === rank(base);
}

/**
 * Every group of departments smaller than the minimum whose head count follows from the figures,
 * except groups made only of departments whose people the partner received by name (a list's
 * length is the head count of the people on it).
 */
export function derivableSmallGroups(
  departments: readonly DepartmentSize[],
  figures: readonly (readonly string[])[],
  named: NamedDepartments,
): string[][] {
  const present = departments.filter((d) => d.size > 0);
  const universe = present.map((d) => d.name);
  const found: string[][] = [];
  for (let mask = 1; mask < 1 << present.length; mask++) {
    const group = present.filter((_, i) => mask & (1 << i));
    const size = group.reduce((s, d) => s + d.size, 0);
    if (size >= MIN_GROUP_SIZE) continue;
    if (group.every((d) => named.all || named.departments.includes(d.name))) continue;
    const names = group.map((d) => d.name);
    if (followsFrom(figures, names, universe)) found.push(names);
  }
  return found;
}
