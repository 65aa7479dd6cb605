import i18n from "./i18n";
import { dateTimeFormat, numberFormat } from "./intl";
import { localeOf } from "./language";
import { plainDate, plainNumber } from "./plain-format";

/**
 * Numbers, dates and sizes in the UI language ("1.450" / "1,450"; "03.03.2025" / "3 Mar 2025").
 * The one place that picks the Intl locale; money has its own file (money.ts) on top of it.
 */
export function uiLocale(): string {
  return localeOf(i18n.language);
}

/** Formats an ISO calendar date (YYYY-MM-DD) without shifting it through the local time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  const locale = uiLocale();
  return (
    plainDate(y, m, d, locale) ?? dateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)))
  );
}

export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return "";
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return dateTimeFormat(uiLocale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A number with the language's separators; `options` for fixed decimals and the like. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  // Plain numbers without Intl (plain-format.ts: the first Intl formatter is a long task on a phone).
  const locale = uiLocale();
  return (options === undefined ? plainNumber(value, locale) : null) ?? numberFormat(locale, options).format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}
