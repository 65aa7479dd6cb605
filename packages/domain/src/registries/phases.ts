/** The six phases of the BGM process (GKV-Leitfaden Prävention, Kapitel 6). Order matters: phase numbers are stable ids. */
export const PHASES = [
  {
    number: 1,
    key: "structures_goals",
    label: { de: "Strukturen & Ziele", en: "Structures & goals" },
    description: {
      de: "Steuerungskreis, Betriebsvereinbarung und messbare Ziele festlegen.",
      en: "Set up the steering group, the works agreement and measurable goals.",
    },
  },
  {
    number: 2,
    key: "analysis",
    label: { de: "Analyse", en: "Analysis" },
    description: {
      de: "Gesundheitssituation erheben: Befragung, Gefährdungsbeurteilung, AU-Daten.",
      en: "Assess the health situation: survey, risk assessment, sick-leave data.",
    },
  },
  {
    number: 3,
    key: "planning",
    label: { de: "Planung", en: "Planning" },
    description: {
      de: "Maßnahmen aus der Analyse ableiten und priorisieren.",
      en: "Derive and prioritise interventions from the analysis.",
    },
  },
  {
    number: 4,
    key: "implementation",
    label: { de: "Umsetzung", en: "Implementation" },
    description: {
      de: "Maßnahmen durchführen und Teilnahme dokumentieren.",
      en: "Carry out interventions and document participation.",
    },
  },
  {
    number: 5,
    key: "evaluation",
    label: { de: "Evaluation", en: "Evaluation" },
    description: {
      de: "Wirksamkeit prüfen und mit den Zielen abgleichen.",
      en: "Check effectiveness against the goals.",
    },
  },
  {
    number: 6,
    key: "sustainability",
    label: { de: "Nachhaltigkeit", en: "Sustainability" },
    description: {
      de: "Bewährtes verstetigen und den Zyklus erneut starten.",
      en: "Make what worked permanent and start the next cycle.",
    },
  },
] as const;

export type Phase = (typeof PHASES)[number];
export type PhaseNumber = Phase["number"];
export type PhaseKey = Phase["key"];
export const PHASE_NUMBERS = PHASES.map((p) => p.number) as PhaseNumber[];
export const PHASE_KEYS = PHASES.map((p) => p.key) as [PhaseKey, ...PhaseKey[]];

export function phaseByNumber(n: number): Phase | undefined {
  return PHASES.find((p) => p.number === n);
}
