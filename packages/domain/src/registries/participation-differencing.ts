/**
 * What a recipient can compute from participation figures by sums and differences (ADR 0013), exactly. The
 * property tests run every figure that leaves the server through these to prove that no group of 1 … min−1
 * people follows. Small instances only: both enumerate.
 */
import { followsFrom } from "./differencing.js";

/**
 * Additive figures: each published figure counts the places in a set of cells (e.g. "session 3, attended"),
 * one place per person and cell. Returns every union of cells with 1 … min−1 distinct people whose count
 * follows from the figures (rank over the rationals, as for head counts in ADR 0007).
 */
export function derivableSmallCellGroups(
  cells: readonly { key: string; people: readonly string[] }[],
  figures: readonly (readonly string[])[],
  min: number,
): string[][] {
  const universe = cells.map((c) => c.key);
  const found: string[][] = [];
  for (let mask = 1; mask < 1 << cells.length; mask++) {
    const group = cells.filter((_, i) => mask & (1 << i));
    const people = new Set(group.flatMap((c) => c.people));
    if (people.size === 0 || people.size >= min) continue;
    const keys = group.map((c) => c.key);
    if (followsFrom(figures, keys, universe)) found.push(keys);
  }
  return found;
}

type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);

/** Rows of `m` (0/1 over the universe) that are linearly independent, in order. */
function independentRows(m: number[][]): number[][] {
  const basis: { pivot: number; row: Q[] }[] = [];
  const out: number[][] = [];
  for (const r of m) {
    let v = r.map((x) => q(BigInt(x)));
    for (const b of basis) {
      const f = v[b.pivot] as Q;
      if (f.n !== 0n) v = v.map((x, i) => sub(x, mul(f, b.row[i] as Q)));
    }
    const pivot = v.findIndex((x) => x.n !== 0n);
    if (pivot < 0) continue;
    const p = v[pivot] as Q;
    basis.push({ pivot, row: v.map((x) => div(x, p)) });
    out.push(r);
  }
  return out;
}

/** The inverse of a square matrix over the rationals, or null when singular. */
function inverse(m: number[][]): Q[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row.map((x) => q(BigInt(x))), ...Array.from({ length: n }, (_, j) => q(i === j ? 1n : 0n))]);
  for (let c = 0; c < n; c++) {
    const p = a.findIndex((row, i) => i >= c && (row[c] as Q).n !== 0n);
    if (p < 0) return null;
    [a[c], a[p]] = [a[p] as Q[], a[c] as Q[]];
    const pivot = (a[c] as Q[])[c] as Q;
    a[c] = (a[c] as Q[]).map((x) => div(x, pivot));
    for (let i = 0; i < n; i++) {
      const f = (a[i] as Q[])[c] as Q;
      if (i === c || f.n === 0n) continue;
      a[i] = (a[i] as Q[]).map((x, j) => sub(x, mul(f, (a[c] as Q[])[j] as Q)));
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Head counts over overlapping sets: each published figure is the number of people who took part in at least
 * one of its `elements` (e.g. interventions). A recipient knows which elements each figure covers, not who
 * took part in what; any pattern of taking part is possible, except in elements a published figure says
 * nobody took part in. Returns each group of 1 … min−1 of the given people whose size follows by sums and
 * differences: a 0/1 function on all those patterns that is a linear combination of the figures. At most
 * 10 elements and 16 independent figures.
 */
export function derivableSmallOverlapGroups(
  figures: readonly { elements: readonly string[]; value: number }[],
  hits: readonly (readonly string[])[],
  elements: readonly string[],
  min: number,
): number[][] {
  if (elements.length > 10) throw new Error("too many elements to enumerate");
  const index = new Map(elements.map((e, i) => [e, i]));
  const maskOf = (els: readonly string[]) => els.reduce((m, e) => m | (1 << (index.get(e) ?? -1)), 0);
  const nobody = figures.filter((f) => f.value === 0).reduce((m, f) => m | maskOf(f.elements), 0);
  const patterns: number[] = [];
  for (let h = 0; h < 1 << elements.length; h++) if ((h & nobody) === 0) patterns.push(h);
  const rows = independentRows(figures.map((f) => patterns.map((h) => (h & maskOf(f.elements) ? 1 : 0))));
  const r = rows.length;
  if (r === 0) return [];
  if (r > 16) throw new Error("too many independent figures to enumerate");
  // r columns on which the independent rows are invertible: a combination is fixed by its values there.
  const cols: number[] = [];
  for (let j = 0; j < patterns.length && cols.length < r; j++) {
    const candidate = [...cols, j];
    const transposed = candidate.map((c) => rows.map((row) => row[c] as number));
    if (independentRows(transposed).length === candidate.length) cols.push(j);
  }
  const inv = inverse(cols.map((c) => rows.map((row) => row[c] as number)));
  if (!inv) throw new Error("singular basis");
  // g = rowsᵀ · c with c = inv · t for the values t on the basis columns: g = P · t with P = rowsᵀ · inv.
  const denom = inv.flat().reduce((l, x) => (l * x.d) / gcd(l, x.d), 1n);
  const invInt = inv.map((row) => row.map((x) => (x.n * denom) / x.d));
  const P: bigint[][] = patterns.map((_, u) =>
    Array.from({ length: r }, (_, k) =>
      rows.reduce((s, row, i) => s + BigInt(row[u] as number) * ((invInt[i] as bigint[])[k] as bigint), 0n),
    ),
  );
  const weight = new Map<number, number>();
  for (const h of hits) {
    const m = maskOf(h);
    weight.set(m, (weight.get(m) ?? 0) + 1);
  }
  const found: number[][] = [];
  for (let t = 1; t < 1 << r; t++) {
    let ok = true;
    const support: number[] = [];
    for (let u = 0; u < patterns.length; u++) {
      let v = 0n;
      for (let k = 0; k < r; k++) if (t & (1 << k)) v += (P[u] as bigint[])[k] as bigint;
      if (v === denom) support.push(patterns[u] as number);
      else if (v !== 0n) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const people = support.reduce((s, h) => s + (weight.get(h) ?? 0), 0);
    if (people > 0 && people < min) found.push(support);
  }
  return found;
}
