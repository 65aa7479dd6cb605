import { type BookingStatus, bookingMark, HEALTH_DAY_STATUSES, type HealthDayStatus } from "@bgm/domain";

/**
 * The brief's health-day card, in German (the app's default language):
 * "Fit for Work · 15. März · Budget 5.000 €", one line per station "09:00 Rückenscreening (Rückenpause GmbH) ✓",
 * "Anmeldungen: 87/120 (72 %)" and the status. Pure: the service hands in what it read.
 */

export interface CardStation {
  title: string;
  providerName: string;
  bookingStatus: BookingStatus;
  /** The first slot still scheduled, if any. */
  firstStart: Date | null;
}

export interface CardInput {
  title: string;
  startsOn: string;
  endsOn: string;
  budgetCents: number | null;
  status: HealthDayStatus;
  expectedHeadcount: number | null;
  stations: readonly CardStation[];
  /** Different people holding a place in a slot of the day. */
  people: number;
  /** The places of all slots still scheduled. */
  places: number;
}

const dayMonth = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", day: "numeric", month: "long" });
const time = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const euros = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** "15. März", or "15.–16. März" / "31. März – 1. April" for more days. */
export function germanDays(startsOn: string, endsOn: string): string {
  const a = new Date(`${startsOn}T00:00:00Z`);
  const b = new Date(`${endsOn}T00:00:00Z`);
  if (startsOn === endsOn) return dayMonth.format(a);
  if (a.getUTCMonth() === b.getUTCMonth() && a.getUTCFullYear() === b.getUTCFullYear()) return `${a.getUTCDate()}.–${dayMonth.format(b)}`;
  return `${dayMonth.format(a)} – ${dayMonth.format(b)}`;
}

/** 500000 → "5.000 €", 123456 → "1.234,56 €". */
export const germanEuros = (cents: number): string => `${euros.format(cents / 100)} €`;

export const berlinTime = (d: Date): string => time.format(d);

export function cardOf(input: CardInput) {
  const headline = [
    input.title,
    germanDays(input.startsOn, input.endsOn),
    ...(input.budgetCents === null ? [] : [`Budget ${germanEuros(input.budgetCents)}`]),
  ].join(" · ");
  const lines = [...input.stations]
    .sort((x, y) => (x.firstStart?.getTime() ?? Number.POSITIVE_INFINITY) - (y.firstStart?.getTime() ?? Number.POSITIVE_INFINITY))
    .map((s) => {
      const at = s.firstStart ? berlinTime(s.firstStart) : null;
      const mark = bookingMark(s.bookingStatus);
      return {
        time: at,
        title: s.title,
        providerName: s.providerName,
        bookingStatus: s.bookingStatus,
        mark,
        text: `${at ? `${at} ` : ""}${s.title} (${s.providerName}) ${mark}`,
      };
    });
  const of = input.expectedHeadcount ?? input.places;
  // Rounded down: "72 %" is not shown before 72 % are reached.
  const percent = of > 0 ? Math.floor((input.people * 100) / of) : null;
  const registrations = {
    people: input.people,
    of,
    percent,
    text: `Anmeldungen: ${input.people}/${of}${percent === null ? "" : ` (${percent} %)`}`,
  };
  const statusText = `Status: ${HEALTH_DAY_STATUSES.find((s) => s.key === input.status)?.label.de ?? input.status}`;
  return { headline, lines, registrations, statusText };
}
