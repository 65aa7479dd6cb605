import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language, languageOf } from "../language";
import { dataSharingDe } from "./data-sharing.de";
import { dataSharingEn } from "./data-sharing.en";
import { de } from "./de";
import { employeeAccessDe } from "./employee-access.de";
import { employeeAccessEn } from "./employee-access.en";
import { en } from "./en";
import { healthDayCheckinDe } from "./health-day-checkin.de";
import { healthDayCheckinEn } from "./health-day-checkin.en";
import { healthDaysDe } from "./health-days.de";
import { healthDaysEn } from "./health-days.en";
import { landingDe } from "./landing.de";
import { landingEn } from "./landing.en";
import { marketplaceDe } from "./marketplace.de";
import { marketplaceEn } from "./marketplace.en";
import { participationDe } from "./participation.de";
import { participationEn } from "./participation.en";
import { resultsDe } from "./results.de";
import { resultsEn } from "./results.en";

const STORAGE_KEY = "bgm-hub.language";

function storedLanguage(): Language {
  try {
    return languageOf(localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (privacy settings); German is the default anyway.
    return "de";
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisting is acceptable; the choice still holds for this tab.
  }
}

export const resources = {
  de: {
    translation: {
      ...de,
      ...marketplaceDe,
      ...dataSharingDe,
      ...resultsDe,
      ...landingDe,
      ...employeeAccessDe,
      ...participationDe,
      ...healthDaysDe,
      ...healthDayCheckinDe,
    },
  },
  en: {
    translation: {
      ...en,
      ...marketplaceEn,
      ...dataSharingEn,
      ...resultsEn,
      ...landingEn,
      ...employeeAccessEn,
      ...participationEn,
      ...healthDaysEn,
      ...healthDayCheckinEn,
    },
  },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: "de",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;
i18n.on("languageChanged", applyLanguage);

export function currentLanguage(): Language {
  return languageOf(i18n.language);
}

export default i18n;
