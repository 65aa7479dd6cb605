import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import i18n from "../../lib/i18n";
import { formatZonedDateTime, formatZonedRange } from "../../lib/zoned-time";

/** The Intl locale of the UI language (the same rule as lib/format.ts). */
function uiLocale(): string {
  return i18n.language === "en" ? "en-GB" : "de-DE";
}

/** Sessions happen in Germany: their times are read on Berlin clocks, as in the mails and calendar files. */
export function sessionWhen(session: { startsAt: string; endsAt: string }): string {
  return formatZonedRange(session.startsAt, session.endsAt, PARTICIPATION_TIME_ZONE, uiLocale());
}

export function sessionMoment(timestamp: string): string {
  return formatZonedDateTime(timestamp, PARTICIPATION_TIME_ZONE, uiLocale());
}

/** A share as a percentage with at most one decimal: 0.875 → "87,5 %" in German, "87.5%" in English. */
export function formatShare(share: number, locale: string = uiLocale()): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** Euro amounts from integer cents ("2.250 €"), the same notation as the rest of the app. */
export function formatCents(cents: number, locale: string = uiLocale()): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}
