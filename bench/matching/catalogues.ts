import type { MatchOffering } from "@bgm/domain";
import { DEMO_PROVIDERS } from "../../apps/api/src/seed/demo-providers.js";

/**
 * The two catalogues the labelled set is written against (issue 15): the demo's 14 offerings, and a
 * larger generated one — 15 kinds of offering, each from providers in the north (Hamburg, Schleswig-
 * Holstein), the south (Bayern), the west (Nordrhein-Westfalen) or all of Germany, as the kind is
 * delivered. Ids are readable so the labels can name them: the demo's by short key, the generated ones
 * as `kind@region`.
 */

const DEMO_KEYS: Record<string, string> = {
  "COPSOQ-Analyse": "copsoq",
  "Maßnahmen-Workshop nach der Befragung": "workshop",
  "Quick Pulse Survey": "pulse",
  Rückenscreening: "screening",
  "Rückenfit-Kurs (8 Wochen)": "backcourse",
  "Stress-Messung": "stress",
  "Lunch & Learn: Gesunde Ernährung": "lunch",
  "Ernährungscoaching (12 Wochen)": "foodcoach",
  "Ergonomie-Check am Arbeitsplatz": "ergocheck",
  "Ergonomie-Station für den Gesundheitstag": "ergostation",
  "Gesundheitstag Full-Service": "fullservice",
  "AU-Datenanalyse": "audata",
  "Resilienztraining für Teams": "resilience",
  "Gesund führen: Coaching für Führungskräfte": "leadership",
};

export const DEMO_CATALOGUE: MatchOffering[] = DEMO_PROVIDERS.flatMap((p) =>
  p.offerings.map((o) => {
    const id = DEMO_KEYS[o.title];
    if (!id) throw new Error(`no key for demo offering ${o.title}`);
    return {
      id,
      title: o.title,
      description: o.description,
      providerName: p.name,
      category: o.category,
      certifications: o.certifications,
      deliveryMode: o.deliveryMode,
      priceFromCents: o.priceFromCents,
      relevantPhases: o.relevantPhases,
      relevantTasks: o.relevantTasks,
      regions: p.regions,
    };
  }),
);

const REGIONS = {
  nord: ["Hamburg", "Schleswig-Holstein"],
  sued: ["Bayern"],
  west: ["Nordrhein-Westfalen"],
  de: ["DE"],
} as const;
type Region = keyof typeof REGIONS;

interface Kind {
  key: string;
  title: string;
  description: string;
  category: string;
  deliveryMode: MatchOffering["deliveryMode"];
  phases: number[];
  tasks: string[];
  certifications?: string[];
  priceFromCents: number;
}

const KINDS: Kind[] = [
  {
    key: "rueckenschule",
    title: "Rückenschule",
    description: "Präventionskurs gegen Rückenschmerzen: Kräftigung der Rumpfmuskulatur in acht Terminen.",
    category: "movement",
    deliveryMode: "on_site",
    phases: [4],
    tasks: ["run_interventions"],
    certifications: ["§20 SGB V"],
    priceFromCents: 15_000,
  },
  {
    key: "bewegtepause",
    title: "Bewegte Pause",
    description: "Kurze Bewegungseinheiten, die sich in jeden Arbeitsalltag einbauen lassen.",
    category: "movement",
    deliveryMode: "on_site",
    phases: [4],
    tasks: ["run_interventions"],
    priceFromCents: 40_000,
  },
  {
    key: "stressbewaeltigung",
    title: "Stressbewältigung im Arbeitsalltag",
    description: "Kurs zu Achtsamkeit, Entspannung und gesundem Umgang mit Zeitdruck.",
    category: "mental_health",
    deliveryMode: "on_site",
    phases: [4],
    tasks: ["run_interventions"],
    certifications: ["ZPP"],
    priceFromCents: 20_000,
  },
  {
    key: "eap",
    title: "Mitarbeiterberatung (EAP)",
    description: "Vertrauliche psychologische Beratung für Beschäftigte per Telefon und Video.",
    category: "mental_health",
    deliveryMode: "remote",
    phases: [4, 6],
    tasks: ["run_interventions", "anchor_in_routines"],
    priceFromCents: 300_000,
  },
  {
    key: "fuehrung",
    title: "Gesunde Führung – Workshop",
    description: "Führungskräfte erkennen Überlastung im Team und sprechen sie an.",
    category: "coaching",
    deliveryMode: "on_site",
    phases: [3, 4],
    tasks: ["run_interventions"],
    priceFromCents: 250_000,
  },
  {
    key: "befragung",
    title: "Mitarbeiterbefragung nach COPSOQ",
    description: "Online-Befragung psychischer Belastung mit Benchmark und Bericht für den Steuerungskreis.",
    category: "survey_analysis",
    deliveryMode: "remote",
    phases: [2],
    tasks: ["employee_survey", "risk_assessment_psychological"],
    priceFromCents: 150_000,
  },
  {
    key: "audaten",
    title: "Fehlzeitenanalyse",
    description: "Auswertung der AU-Daten nach Diagnosegruppen und Abteilungen.",
    category: "survey_analysis",
    deliveryMode: "remote",
    phases: [2],
    tasks: ["sick_leave_analysis"],
    priceFromCents: 90_000,
  },
  {
    key: "ergoberatung",
    title: "Arbeitsplatzberatung Ergonomie",
    description: "Begehung von Büro- und Lagerarbeitsplätzen: Heben, Tragen, Sitzen.",
    category: "ergonomics",
    deliveryMode: "on_site",
    phases: [2, 4],
    tasks: ["ergonomic_workplace_check", "run_interventions"],
    priceFromCents: 120_000,
  },
  {
    key: "kantine",
    title: "Kantinencheck",
    description: "Beratung der Betriebsverpflegung für ausgewogene Mahlzeiten.",
    category: "nutrition",
    deliveryMode: "on_site",
    phases: [4],
    tasks: ["run_interventions"],
    priceFromCents: 80_000,
  },
  {
    key: "ernaehrungskurs",
    title: "Ernährungskurs",
    description: "Gesunde Ernährung im Schichtdienst, sechs Termine.",
    category: "nutrition",
    deliveryMode: "on_site",
    phases: [4],
    tasks: ["run_interventions"],
    certifications: ["§20 SGB V"],
    priceFromCents: 12_000,
  },
  {
    key: "rauchfrei",
    title: "Rauchfrei-Programm",
    description: "Nichtraucherkurs mit Begleitung über drei Monate.",
    category: "addiction_prevention",
    deliveryMode: "on_site",
    phases: [4],
    tasks: ["run_interventions"],
    certifications: ["ZPP"],
    priceFromCents: 18_000,
  },
  {
    key: "hdstation",
    title: "Venenmessung-Station",
    description: "Eine Station für den Gesundheitstag mit Messung und Kurzberatung.",
    category: "health_day_module",
    deliveryMode: "on_site",
    phases: [3, 4],
    tasks: ["plan_health_day"],
    priceFromCents: 60_000,
  },
  {
    key: "hdfull",
    title: "Gesundheitstag Komplettpaket",
    description: "Planung und Durchführung eines ganzen Gesundheitstags.",
    category: "full_service_health_day",
    deliveryMode: "on_site",
    phases: [3, 4],
    tasks: ["plan_health_day"],
    priceFromCents: 500_000,
  },
  {
    key: "schlaf",
    title: "Schlaf und Schichtarbeit",
    description: "Vortrag und Coaching zu erholsamem Schlaf bei Nacht- und Wechselschicht.",
    category: "mental_health",
    deliveryMode: "hybrid",
    phases: [4],
    tasks: ["run_interventions"],
    priceFromCents: 70_000,
  },
  {
    key: "sitzen",
    title: "Bildschirmarbeitsplatz-Check online",
    description: "Videoberatung zur Einstellung von Stuhl, Tisch und Monitor.",
    category: "ergonomics",
    deliveryMode: "remote",
    phases: [2, 4],
    tasks: ["ergonomic_workplace_check", "run_interventions"],
    priceFromCents: 30_000,
  },
];

/** On-site kinds come from a provider in each of the three regions; remote ones from one nationwide provider; hybrid from both. */
const regionsOf = (k: Kind): Region[] =>
  k.deliveryMode === "remote" ? ["de"] : k.deliveryMode === "hybrid" ? ["nord", "de"] : ["nord", "sued", "west"];

export const GENERATED_CATALOGUE: MatchOffering[] = KINDS.flatMap((k) =>
  regionsOf(k).map((r) => ({
    id: `${k.key}@${r}`,
    title: k.title,
    description: k.description,
    providerName: `${k.title.split(" ")[0]} ${r.toUpperCase()} GmbH`,
    category: k.category,
    certifications: k.certifications ?? [],
    deliveryMode: k.deliveryMode,
    priceFromCents: k.priceFromCents,
    relevantPhases: k.phases,
    relevantTasks: k.tasks,
    regions: [...REGIONS[r]],
  })),
);
