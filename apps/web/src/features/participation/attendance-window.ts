import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { uiLocale } from "../../lib/format";
import { dateTimeFormat } from "../../lib/intl";

/**
 * Marks, "all attended" and walk-ins are taken from `attendanceOpensAt` on (half an hour before the start);
 * earlier the API refuses them (422 `session_not_started`), so the page holds its buttons back instead.
 */
export function attendanceIsOpen(opensAt: string, now: number = Date.now()): boolean {
  const at = Date.parse(opensAt);
  return Number.isNaN(at) || now >= at;
}

/** Milliseconds until the doors open (0 when open), capped so that a timer for a session weeks ahead still works. */
export function msUntilOpen(opensAt: string, now: number = Date.now()): number {
  const at = Date.parse(opensAt);
  if (Number.isNaN(at)) return 0;
  return Math.min(Math.max(at - now, 0), 2 ** 31 - 1);
}

const dayKey = (ms: number) => dateTimeFormat("en-CA", { timeZone: PARTICIPATION_TIME_ZONE, dateStyle: "short" }).format(new Date(ms));

/**
 * When the doors open on Berlin clocks: "11:30" on the same day, "15.03.2027, 11:30" on another one (the
 * manager may look at the list the day before). Goes into "Anwesenheit ab … Uhr".
 */
export function opensAtLabel(opensAt: string, now: number = Date.now(), locale: string = uiLocale()): string {
  const at = Date.parse(opensAt);
  if (Number.isNaN(at)) return opensAt;
  const time = dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: PARTICIPATION_TIME_ZONE });
  if (dayKey(at) === dayKey(now)) return time.format(new Date(at));
  return dateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: PARTICIPATION_TIME_ZONE,
  }).format(new Date(at));
}
