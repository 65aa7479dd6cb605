import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";

/**
 * Wall-clock time in Germany, where sessions take place: a weekly series keeps its local start time
 * across the change to and from summer time, calendar files name local times with TZID, and mails
 * print them as a German reader expects.
 */

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARTICIPATION_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function toBerlin(d: Date): LocalDateTime {
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.formatToParts(d).find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The instant at which clocks in Germany show `local` (for the hour skipped in spring: the moment after it). */
export function fromBerlin(local: LocalDateTime): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const shown = toBerlin(new Date(guess));
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
    const diff = asUtc - shownUtc;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

/** The same local time `days` calendar days later (a week later is 7 days, whatever the clocks did). */
export function addLocalDays(d: Date, days: number): Date {
  const l = toBerlin(d);
  const shifted = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return fromBerlin({ ...l, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** RFC 5545 local DATE-TIME (used with TZID=Europe/Berlin), e.g. 20260317T120000. */
export function icsLocal(d: Date): string {
  const l = toBerlin(d);
  return `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}T${pad(l.hour)}${pad(l.minute)}${pad(l.second)}`;
}

/** RFC 5545 UTC DATE-TIME, e.g. 20260317T110000Z. */
export function icsUtc(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

const germanDate = new Intl.DateTimeFormat("de-DE", {
  timeZone: PARTICIPATION_TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const germanTime = new Intl.DateTimeFormat("de-DE", { timeZone: PARTICIPATION_TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "Dienstag, 17. März 2026, 12:00–13:00 Uhr" (a session across midnight names both days). */
export function germanSpan(start: Date, end: Date): string {
  const sameDay = germanDate.format(start) === germanDate.format(end);
  return sameDay
    ? `${germanDate.format(start)}, ${germanTime.format(start)}–${germanTime.format(end)} Uhr`
    : `${germanDate.format(start)}, ${germanTime.format(start)} Uhr – ${germanDate.format(end)}, ${germanTime.format(end)} Uhr`;
}
