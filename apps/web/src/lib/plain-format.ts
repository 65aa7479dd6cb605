/*
 * Numbers and dates for the first page without Intl. Making the first Intl formatter of a page load costs
 * Chromium about 40 ms here (it loads its number and date data; four times that on Lighthouse's phone CPU),
 * one long task in the middle of drawing the dashboard, whose numbers and due dates are plain: whole numbers,
 * a few decimals, German dates (issue 14). These functions write exactly what Intl writes for those cases
 * (format.test.ts compares them with Intl over generated values) and answer `null` for anything else, which
 * the callers (format.ts) then hand to Intl.
 */

const SEPARATORS = {
  "de-DE": { group: ".", decimal: "," },
  "en-GB": { group: ",", decimal: "." },
} as const;

/** Rounds a plain decimal string (digits, maybe one ".") to `digits` fraction digits, half away from zero. */
function roundDecimal(text: string, digits: number): string {
  const [whole = "0", fraction = ""] = text.split(".");
  if (fraction.length <= digits) return text;
  const kept = `${whole}${fraction.slice(0, digits)}`;
  const up = Number(fraction[digits]) >= 5;
  // Add one in the last kept place, carrying through the string (no floating point on the way).
  let rounded = kept;
  if (up) {
    const chars = kept.split("");
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === "9") {
      chars[i] = "0";
      i--;
    }
    if (i < 0) chars.unshift("1");
    else chars[i] = String(Number(chars[i]) + 1);
    rounded = chars.join("");
  }
  const cut = rounded.length - digits;
  return digits === 0 ? rounded : `${rounded.slice(0, cut)}.${rounded.slice(cut)}`;
}

/**
 * `new Intl.NumberFormat(locale).format(value)` (grouping, at most three fraction digits, rounded half away
 * from zero on the shortest decimal form of the value, as ICU does) for de-DE and en-GB; null where it might
 * differ (exponent notation, non-finite values, other locales).
 */
export function plainNumber(value: number, locale: string): string | null {
  const separators = SEPARATORS[locale as keyof typeof SEPARATORS];
  if (!separators || !Number.isFinite(value)) return null;
  const text = String(Math.abs(value));
  if (text.includes("e")) return null;
  const [whole = "0", fraction = ""] = roundDecimal(text, 3).split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
  // Intl keeps the sign of a negative value that rounds to zero ("-0"), and of -0 itself.
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  return `${sign}${grouped}${trimmed ? `${separators.decimal}${trimmed}` : ""}`;
}

/** `dateStyle: "medium"` for de-DE ("03.03.2025") of a calendar date; null for other locales and years. */
export function plainDate(year: number, month: number, day: number, locale: string): string | null {
  if (locale !== "de-DE" || year < 1000 || year > 9999) return null;
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

/** The day of the month of the last Sunday of `month` (0-based) in `year`. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * The calendar date ("YYYY-MM-DD") in Europe/Berlin at `at`: CET, and CEST from the last Sunday of March to
 * the last Sunday of October, both at 01:00 UTC (the EU rule since 1996; zoned-time.test.ts compares it with
 * Intl hour by hour around every change until 2040).
 */
export function berlinCalendarDate(at: Date): string {
  const year = at.getUTCFullYear();
  const summerFrom = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const summerTo = Date.UTC(year, 9, lastSunday(year, 9), 1);
  const t = at.getTime();
  const offsetHours = t >= summerFrom && t < summerTo ? 2 : 1;
  return new Date(t + offsetHours * 3_600_000).toISOString().slice(0, 10);
}
