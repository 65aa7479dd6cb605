import i18next, { type TFunction } from "i18next";

/**
 * A `t` over the given texts in one language, for node tests of code that takes `t`: a fresh i18next
 * instance, without the browser set-up that `lib/i18n` does when it is imported.
 */
export async function translator(lng: string, translation: object): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t;
}
