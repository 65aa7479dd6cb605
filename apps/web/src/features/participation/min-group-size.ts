/**
 * The values the minimum group size can be set to: the current one up to the maximum. It is never offered
 * lower than it is (the API refuses a lowering with 409), so a company cannot unwittingly publish smaller
 * groups than it promised its employees.
 */
export function raiseOptions(current: number, max: number): number[] {
  const from = Math.max(1, Math.floor(current));
  if (from > max) return [from];
  return Array.from({ length: max - from + 1 }, (_, i) => from + i);
}
