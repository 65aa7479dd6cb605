/** Offering categories of the marketplace; intervention plans use the same keys. */
export const OFFERING_CATEGORIES = [
  { key: "survey_analysis", label: { de: "Befragung & Analyse", en: "Survey & analysis" } },
  { key: "movement", label: { de: "Bewegung", en: "Movement" } },
  { key: "nutrition", label: { de: "Ernährung", en: "Nutrition" } },
  { key: "mental_health", label: { de: "Psychische Gesundheit", en: "Mental health" } },
  { key: "ergonomics", label: { de: "Ergonomie", en: "Ergonomics" } },
  { key: "addiction_prevention", label: { de: "Suchtprävention", en: "Addiction prevention" } },
  { key: "health_day_module", label: { de: "Gesundheitstag-Modul", en: "Health day module" } },
  { key: "full_service_health_day", label: { de: "Gesundheitstag (Full-Service)", en: "Full-service health day" } },
  { key: "coaching", label: { de: "Coaching", en: "Coaching" } },
] as const;
export type OfferingCategoryKey = (typeof OFFERING_CATEGORIES)[number]["key"];
