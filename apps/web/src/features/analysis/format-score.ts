import { formatNumber } from "../../lib/format";

/** Scores and SDs with exactly one decimal ("55,0"), so a column of means lines up and reads as measured values. */
export function formatScore(value: number): string {
  return formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
