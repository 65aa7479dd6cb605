/**
 * Stands in for `lib/i18n` in node tests: the real module sets up the browser (document, localStorage)
 * when it is imported. Formatting helpers only read the language, which a test sets.
 */
export const fakeI18n = { language: "de" };
