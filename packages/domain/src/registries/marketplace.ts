/**
 * Marketplace vocabularies. Offerings may only use these keys; the data-exchange and result
 * features extend the scope and output-type entries with their resolvers and schemas.
 */
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

import { DATA_SCOPES, type DataScopeKeyFromRegistry } from "./data-scopes.js";

/** Offerings may request only scopes that exist in the data scope registry. */
export const DATA_SCOPE_KEYS = DATA_SCOPES.map((s) => s.key) as [DataScopeKeyFromRegistry, ...DataScopeKeyFromRegistry[]];
export type DataScopeKey = DataScopeKeyFromRegistry;

export const OUTPUT_TYPE_KEYS = ["copsoq_analysis", "intervention_plan", "participation_stats", "ergonomic_assessment"] as const;
export type OutputTypeKey = (typeof OUTPUT_TYPE_KEYS)[number];

export const INTEGRATION_POINTS = ["phase2_analysis", "phase3_planning", "kpi_dashboard", "legal_requirements"] as const;
export type IntegrationPoint = (typeof INTEGRATION_POINTS)[number];
