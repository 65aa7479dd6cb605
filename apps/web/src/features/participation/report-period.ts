import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { isoToZoned } from "../../lib/zoned-time";

export interface ReportPeriod {
  from: string;
  to: string;
}

/** Twelve whole months up to today (Berlin calendar): the first day of the month eleven months back → today. */
export function lastTwelveMonths(now: Date = new Date()): ReportPeriod {
  const today = isoToZoned(now.toISOString(), PARTICIPATION_TIME_ZONE).date;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const back = year * 12 + (month - 1) - 11;
  const from = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, "0")}-01`;
  return { from, to: today };
}

const THREE_YEARS_MS = 3 * 366 * 86_400_000;

/** As the API checks it: complete dates, in order, at most three years. */
export function validPeriod(p: ReportPeriod): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.from) || !/^\d{4}-\d{2}-\d{2}$/.test(p.to)) return false;
  return p.from <= p.to && Date.parse(p.to) - Date.parse(p.from) <= THREE_YEARS_MS;
}
