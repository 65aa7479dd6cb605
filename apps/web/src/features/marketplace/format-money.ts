import i18n from "../../lib/i18n";

/** Euro amounts from integer cents: "1.200 €" in German, "€1,200" in English; cents only when there are any. */
export function formatEuro(cents: number): string {
  const locale = i18n.language === "en" ? "en-GB" : "de-DE";
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

/** Euros typed into a form (may have decimals) to the integer cents the API stores. */
export function eurosToCents(euros: number): number {
  return Math.round(euros * 100);
}
