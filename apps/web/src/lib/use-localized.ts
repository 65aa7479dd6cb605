import { useTranslation } from "react-i18next";

export interface LocalizedText {
  de: string;
  en: string;
}

/** Picks the current language from the bilingual labels of the domain registries. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "de";
  return (text) => text[lang];
}
