import i18n, { type BackendModule, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language, languageOf } from "../language";
import { dataSharingDe } from "./data-sharing.de";
import { de } from "./de";
import { employeeAccessDe } from "./employee-access.de";
import { healthDayCheckinDe } from "./health-day-checkin.de";
import { healthDaysDe } from "./health-days.de";
import { landingDe } from "./landing.de";
import { marketplaceDe } from "./marketplace.de";
import { participationDe } from "./participation.de";
import { resultsDe } from "./results.de";

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

// German, the default, is part of the entry chunk. English is fetched the first time it is needed (stored
// choice at start, or a switch), as a chunk of its own: it is as large as German again, and most users never
// load it. i18next's backend mechanism does the waiting: `changeLanguage("en")` resolves, and `languageChanged`
// (which re-renders react-i18next and runs applyLanguage) fires, only once the English texts are in.
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
} as const;

async function englishTranslation(): Promise<ResourceKey> {
  const [core, marketplace, dataSharing, results, landing, employeeAccess, participation, healthDays, healthDayCheckin] = await Promise.all(
    [
      import("./en"),
      import("./marketplace.en"),
      import("./data-sharing.en"),
      import("./results.en"),
      import("./landing.en"),
      import("./employee-access.en"),
      import("./participation.en"),
      import("./health-days.en"),
      import("./health-day-checkin.en"),
    ],
  );
  return {
    ...core.en,
    ...marketplace.marketplaceEn,
    ...dataSharing.dataSharingEn,
    ...results.resultsEn,
    ...landing.landingEn,
    ...employeeAccess.employeeAccessEn,
    ...participation.participationEn,
    ...healthDays.healthDaysEn,
    ...healthDayCheckin.healthDayCheckinEn,
  };
}

/** Loads the languages not bundled above (only English); German is never asked for (bundled, `partialBundledLanguages`). */
const lazyLanguages: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    if (language !== "en") {
      callback(null, {});
      return;
    }
    englishTranslation().then(
      (translation) => callback(null, translation),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

// Registered before init: the start language's own `languageChanged` sets <html lang>.
i18n.on("languageChanged", applyLanguage);

/** Settles once the start language's texts are loaded (at once for German); main.tsx renders after it. */
export const i18nReady = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: "de",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(
    () => undefined,
    () => undefined,
  );

export function currentLanguage(): Language {
  return languageOf(i18n.language);
}

export default i18n;
