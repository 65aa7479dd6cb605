import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { uiLocale } from "../../lib/format";
import { dateTimeFormat } from "../../lib/intl";

/** A health day's date(s) in the UI language: "15. März 2027" or "15.–16. März 2027". Dates are calendar dates. */
export function formatDays(startsOn: string, endsOn: string, locale: string = uiLocale()): string {
  const f = dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const a = new Date(`${startsOn}T00:00:00Z`);
  const b = new Date(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(a.getTime())) return startsOn;
  if (startsOn === endsOn || Number.isNaN(b.getTime())) return f.format(a);
  return f.formatRange(a, b);
}

/** A slot's time on German clocks, as on the day's signs: "09:00–09:45". */
export function slotTime(startsAt: string, endsAt: string, locale: string = uiLocale()): string {
  const f = dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: PARTICIPATION_TIME_ZONE });
  return `${f.format(new Date(startsAt))}–${f.format(new Date(endsAt))}`;
}

/** A slot's date and time, for days longer than one: "Mo., 15. März, 09:00–09:45". */
export function slotDayAndTime(startsAt: string, endsAt: string, locale: string = uiLocale()): string {
  const d = dateTimeFormat(locale, { weekday: "short", day: "numeric", month: "long", timeZone: PARTICIPATION_TIME_ZONE });
  return `${d.format(new Date(startsAt))}, ${slotTime(startsAt, endsAt, locale)}`;
}
