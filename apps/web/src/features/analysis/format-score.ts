import i18n from "../../lib/i18n";

/** Scores and SDs with exactly one decimal ("55,0"), so a column of means lines up and reads as measured values. */
export function formatScore(value: number): string {
  const locale = i18n.language === "en" ? "en-GB" : "de-DE";
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
