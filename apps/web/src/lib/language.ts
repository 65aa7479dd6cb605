/**
 * The UI languages and what follows from them, without i18next: pure, so node tests and formatting
 * helpers can use it. German unless English is chosen.
 */
export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The UI language for an i18next language tag; anything but English is German. */
export function languageOf(tag: string | null | undefined): Language {
  return tag === "en" ? "en" : "de";
}

/** The Intl locale numbers and dates are written in for a UI language. */
export function localeOf(tag: string | null | undefined): "de-DE" | "en-GB" {
  return languageOf(tag) === "en" ? "en-GB" : "de-DE";
}
