import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES, languageOf } from "../../lib/language";

/**
 * The language chooser, a native select: no popover machinery on every page (a Mantine Menu put floating-ui
 * into the sign-in page's first download), the phone's own picker, and keyboard use for free. Each language
 * shows its short code (DE, EN) and is named in itself, with its `lang`. Switching loads English on first
 * use (lib/i18n), without a reload.
 */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = languageOf(i18n.language);
  return (
    <NativeSelect
      size="sm"
      aria-label={t("nav.language")}
      value={current}
      onChange={(event) => void i18n.changeLanguage(languageOf(event.currentTarget.value))}
      style={{ flexShrink: 0 }}
    >
      {LANGUAGES.map((lng) => (
        // The short code keeps the header narrow on a 375 px phone; the option's name is the language's own.
        <option key={lng} value={lng} lang={lng} aria-label={t(`languages.${lng}`)} title={t(`languages.${lng}`)}>
          {lng.toUpperCase()}
        </option>
      ))}
    </NativeSelect>
  );
}
