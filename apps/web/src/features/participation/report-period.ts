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

/** The calendar year (Berlin) `now` lies in. */
export function berlinYear(now: Date = new Date()): number {
  return Number(isoToZoned(now.toISOString(), PARTICIPATION_TIME_ZONE).date.slice(0, 4));
}

/** A whole calendar year, 1 January → 31 December. */
export function calendarYear(year: number): ReportPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export type PeriodPresetKey = "last12Months" | "thisYear" | "lastYear";

/**
 * The periods an insurer report is usually made for: the previous calendar year (what insurers ask for
 * in their annual documentation), the current year so far, and the last twelve months.
 */
export function periodPresets(now: Date = new Date()): { key: PeriodPresetKey; period: ReportPeriod }[] {
  const year = berlinYear(now);
  const today = isoToZoned(now.toISOString(), PARTICIPATION_TIME_ZONE).date;
  return [
    { key: "lastYear", period: calendarYear(year - 1) },
    { key: "thisYear", period: { from: `${year}-01-01`, to: today } },
    { key: "last12Months", period: lastTwelveMonths(now) },
  ];
}
