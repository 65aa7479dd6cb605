import i18n, { type BackendModule, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language, languageOf } from "../language";
import { de } from "./de";

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

// Only the core German texts (de.ts: common, errors, sign-in and the shell) are part of the entry chunk: the
// sign-in page needs nothing else. The feature texts (marketplace, results, participation, …, about 20 kB
// gzip) are one chunk of their own, fetched by loadFeatureTexts() together with the first page that is not
// a sign-in page (app/router.tsx waits for both before it renders the page, so no key ever shows).
// English is fetched the first time it is needed (stored choice at start, or a switch), as a chunk of its
// own, with all its texts: it is as large as German again, and most users never load it. i18next's backend
// mechanism does the waiting: `changeLanguage("en")` resolves, and `languageChanged` (which re-renders
// react-i18next and runs applyLanguage) fires, only once the English texts are in.
export const resources = { de: { translation: de } } as const;

let featureTexts: Promise<void> | undefined;

/**
 * Adds the German feature texts (once; later calls share the first). German is the fallback language, so
 * they are loaded whatever the current language is. A failed fetch is retried on the next call.
 */
export function loadFeatureTexts(): Promise<void> {
  featureTexts ??= Promise.all([
    import("./marketplace.de"),
    import("./data-sharing.de"),
    import("./results.de"),
    import("./landing.de"),
    import("./employee-access.de"),
    import("./participation.de"),
    import("./health-days.de"),
    import("./health-day-checkin.de"),
  ]).then(
    ([marketplace, dataSharing, results, landing, employeeAccess, participation, healthDays, healthDayCheckin]) => {
      i18n.addResourceBundle(
        "de",
        "translation",
        {
          ...marketplace.marketplaceDe,
          ...dataSharing.dataSharingDe,
          ...results.resultsDe,
          ...landing.landingDe,
          ...employeeAccess.employeeAccessDe,
          ...participation.participationDe,
          ...healthDays.healthDaysDe,
          ...healthDayCheckin.healthDayCheckinDe,
        },
        true,
        true,
      );
    },
    (error: unknown) => {
      featureTexts = undefined;
      throw error;
    },
  );
  return featureTexts;
}

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
    // i18next advertises its vendor's service in every visitor's console otherwise.
    showSupportNotice: false,
  })
  .then(
    () => undefined,
    () => undefined,
  );

export function currentLanguage(): Language {
  return languageOf(i18n.language);
}

export default i18n;
