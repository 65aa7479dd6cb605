import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { uiLocale } from "../../lib/format";
import { numberFormat } from "../../lib/intl";
import { formatZonedDateTime, formatZonedRange } from "../../lib/zoned-time";

/** Sessions happen in Germany: their times are read on Berlin clocks, as in the mails and calendar files. */
export function sessionWhen(session: { startsAt: string; endsAt: string }): string {
  return formatZonedRange(session.startsAt, session.endsAt, PARTICIPATION_TIME_ZONE, uiLocale());
}

export function sessionMoment(timestamp: string): string {
  return formatZonedDateTime(timestamp, PARTICIPATION_TIME_ZONE, uiLocale());
}

/** A share as a percentage with at most one decimal: 0.875 → "87,5 %" in German, "87.5%" in English. */
export function formatShare(share: number, locale: string = uiLocale()): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}
