import { formatNumber } from "./format";
import { languageOf } from "./language";

/**
 * Money as the API and the UI handle it: the API stores integer cents, people read and type euros in
 * their language's notation. Every euro amount on screen and from a form goes through here.
 */

/** Euro amounts from integer cents: "1.200 €" in German, "€1,200" in English; cents only when there are any. */
export function formatEuro(cents: number): string {
  const whole = cents % 100 === 0;
  return formatNumber(centsToEuros(cents), {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  });
}

/** Euros typed into a form (may have decimals) to the integer cents the API stores. */
export function eurosToCents(euros: number): number {
  return Math.round(euros * 100);
}

/** Integer cents from the API as euros for a form field. */
export function centsToEuros(cents: number): number {
  return cents / 100;
}

/** Separators as people write amounts: "1.450,50" in German, "1,450.50" in English. */
export function moneySeparators(language: string): { thousandSeparator: string; decimalSeparator: string } {
  return languageOf(language) === "en"
    ? { thousandSeparator: ",", decimalSeparator: "." }
    : { thousandSeparator: ".", decimalSeparator: "," };
}

/**
 * Mantine's NumberInput reports unfinished input ("1450.", "1450.50") as a string in plain JS notation,
 * not as a number; such a string is still an amount the user meant, so it counts as one.
 */
export function toEuroAmount(value: string | number): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
