import { useTranslation } from "react-i18next";
import { languageOf } from "./language";

export interface LocalizedText {
  de: string;
  en: string;
}

/** Picks the current language from the bilingual labels of the domain registries. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  return (text) => text[lang];
}
