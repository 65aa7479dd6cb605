import type { OfferingCategoryKey } from "../registries/offering-categories.js";

/**
 * The reviewed synonym table: what a goal's words mean for the kind of partner that helps, so the
 * goal "Krankenstand senken" finds movement and mental-health offerings although none of them says
 * "Krankenstand". `terms` are folded stem prefixes (see text.ts: "rucken" stands for Rücken…,
 * "au" only for the exact word "AU"); `kpi` marks terms that also count when they appear in a
 * goal's target (its KPI, "AU-Tage um 10 % senken"). Changes are reviewed like code: every entry
 * names what an occupational-health expert would book for such a goal, nothing more.
 */
export interface SynonymEntry {
  /** A short German/English name of the need, shown in the reason. */
  need: { de: string; en: string };
  terms: readonly string[];
  /** Exact (whole-word) terms, for abbreviations too short to be prefixes. */
  exact?: readonly string[];
  categories: readonly OfferingCategoryKey[];
  kpi?: boolean;
}

export const GOAL_SYNONYMS: readonly SynonymEntry[] = [
  {
    need: { de: "Fehlzeiten", en: "absence" },
    terms: ["krankenstand", "krankheitstag", "krankmeld", "fehlzeit", "fehltag", "arbeitsunfahig", "ausfallzeit", "ausfalltag"],
    exact: ["au"],
    categories: ["movement", "mental_health"],
    kpi: true,
  },
  {
    need: { de: "Rücken und Bewegungsapparat", en: "back and musculoskeletal health" },
    terms: ["rucken", "wirbelsaul", "bandscheib", "muskel", "skelett", "haltung", "nack", "heben", "trag"],
    categories: ["ergonomics", "movement"],
    kpi: true,
  },
  {
    need: { de: "psychische Gesundheit", en: "mental health" },
    terms: ["psych", "stress", "burnout", "erschopf", "uberlast", "resilienz", "mental", "seelisch", "zeitdruck", "konflikt", "schlaf"],
    categories: ["mental_health", "coaching"],
    kpi: true,
  },
  {
    need: { de: "Führung", en: "leadership" },
    terms: ["fuhrung", "fuhrungskraft", "vorgesetzt", "leitung", "teamleit"],
    categories: ["coaching", "mental_health"],
  },
  {
    need: { de: "Ernährung", en: "nutrition" },
    terms: ["ernahr", "kantin", "essen", "mahlzeit", "ubergewicht", "gewicht", "diabet"],
    categories: ["nutrition"],
  },
  {
    need: { de: "Bewegung", en: "physical activity" },
    terms: ["beweg", "sport", "fitness", "sitz", "aktivitat", "aktiv"],
    categories: ["movement"],
  },
  {
    need: { de: "Ergonomie", en: "ergonomics" },
    terms: ["ergonom", "bildschirm", "buroarbeit", "lager"],
    categories: ["ergonomics"],
  },
  {
    need: { de: "Suchtprävention", en: "addiction prevention" },
    terms: ["sucht", "alkohol", "rauch", "nikotin", "drog", "cannabis"],
    categories: ["addiction_prevention"],
  },
  {
    need: { de: "Analyse der Ausgangslage", en: "needs analysis" },
    terms: ["befrag", "umfrag", "analys", "gefahrdungsbeurteil", "bedarf"],
    categories: ["survey_analysis"],
  },
  {
    need: { de: "Gesundheitstag", en: "health day" },
    terms: ["gesundheitstag", "aktionstag"],
    categories: ["health_day_module", "full_service_health_day"],
  },
  {
    need: { de: "Motivation und Bindung", en: "motivation and retention" },
    terms: ["zufriedenheit", "fluktuation", "bindung", "motivation", "wertschatz"],
    categories: ["coaching", "mental_health"],
  },
];

/** The table's entries a set of stems hits; `kpiOnly` for a goal's target. */
export function synonymHits(stems: readonly string[], kpiOnly = false): SynonymEntry[] {
  return GOAL_SYNONYMS.filter(
    (e) => (!kpiOnly || e.kpi) && stems.some((s) => e.terms.some((t) => s.startsWith(t)) || (e.exact ?? []).some((x) => s === x)),
  );
}
