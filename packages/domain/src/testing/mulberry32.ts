/**
 * mulberry32, a small seeded pseudo-random generator: the same seed gives the same sequence on every run and
 * every machine. One copy for everything that needs a reproducible catalogue: the matching tests
 * (matching/top-matches.test.ts) and the discovery benchmark (bench/scenarios/discovery.ts), whose figures are
 * only comparable while it seeds the same 10,000 offerings. Not exported from the package index: it is no part
 * of the domain, so tests and bench import it by path. Changing it changes the benchmark's catalogue.
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
