import { dateTimeFormat } from "./intl";

/**
 * Wall-clock times in a named time zone (sessions happen in Germany: Europe/Berlin), without a date
 * library: the browser's own Intl knows the zone's offsets, including summer time. Pure functions, so
 * the conversions are the same in every browser time zone and can be tested in node.
 */

/** Numeric parts on a 24-hour clock in `timeZone` (made once per zone: dateTimeFormat keeps it). */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at that instant, in milliseconds (Berlin: +1 h in winter, +2 h in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * "2027-03-15" + "12:00" in `timeZone` → the ISO instant ("2027-03-15T11:00:00.000Z"); null for
 * incomplete input. A time the clocks skip (the spring change) is read with the offset before the change.
 */
export function zonedToIso(date: string, time: string, timeZone: string): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess may differ from the offset at the result near a change; a second look settles it.
  let ms = guess - offsetAt(guess, timeZone);
  ms = guess - offsetAt(ms, timeZone);
  return new Date(ms).toISOString();
}

/** An ISO instant → the date ("2027-03-15") and time ("12:00") on the clocks of `timeZone`, as form fields hold them. */
export function isoToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const w = wallClock(new Date(iso).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The calendar dates of a series: `count` dates, `everyWeeks` weeks apart, starting on `date` (YYYY-MM-DD). */
export function weeklyDates(date: string, count: number, everyWeeks: number): string[] {
  const d = DATE.exec(date);
  if (!d || count < 1 || everyWeeks < 1) return [];
  const start = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
  return Array.from({ length: count }, (_, i) => new Date(start + i * everyWeeks * 7 * 86_400_000).toISOString().slice(0, 10));
}

/**
 * An appointment with weekday, date and times on the clocks of `timeZone` (not the browser's), in the
 * Intl `locale`: "Mo., 15. März 2027, 12:00–13:00 Uhr"; the end date is only repeated when it differs.
 */
export function formatZonedRange(startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startsAt;
  return dateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).formatRange(start, end);
}

/** A point in time on the clocks of `timeZone`: "15.03.2027, 12:00". */
export function formatZonedDateTime(timestamp: string, timeZone: string, locale: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}
