/**
 * Legal requirements a company must document. The Gefährdungsbeurteilung (§ 5 ArbSchG) follows the
 * seven steps the accident insurers (DGUV) and the GDA describe; each step says which documentation a
 * labour inspector expects before it counts as done.
 */
export const GBU_STEPS = [
  {
    key: "define_work_areas",
    label: { de: "Arbeitsbereiche und Tätigkeiten festlegen", en: "Define work areas and activities" },
  },
  { key: "identify_hazards", label: { de: "Gefährdungen ermitteln", en: "Identify hazards" } },
  { key: "assess_hazards", label: { de: "Gefährdungen beurteilen", en: "Assess hazards" } },
  {
    key: "define_measures",
    label: { de: "Maßnahmen festlegen", en: "Set measures" },
  },
  { key: "implement_measures", label: { de: "Maßnahmen durchführen", en: "Carry out measures" } },
  {
    key: "check_effectiveness",
    label: { de: "Wirksamkeit überprüfen", en: "Check effectiveness" },
  },
  {
    key: "update_and_document",
    label: { de: "Fortschreiben und dokumentieren", en: "Update and document" },
  },
] as const;

export type GbuStepKey = (typeof GBU_STEPS)[number]["key"];
export const GBU_STEP_KEYS = GBU_STEPS.map((s) => s.key) as [GbuStepKey, ...GbuStepKey[]];

export const LEGAL_REQUIREMENTS = [
  {
    key: "gbu_physical",
    law: "§ 5 ArbSchG",
    label: {
      de: "Gefährdungsbeurteilung (physische Belastung)",
      en: "Risk assessment (physical strain)",
    },
    steps: GBU_STEP_KEYS,
  },
  {
    key: "gbu_psychological",
    law: "§ 5 Abs. 3 Nr. 6 ArbSchG",
    label: {
      de: "Gefährdungsbeurteilung (psychische Belastung)",
      en: "Risk assessment (psychological strain)",
    },
    steps: GBU_STEP_KEYS,
  },
] as const;

export type LegalRequirementKey = (typeof LEGAL_REQUIREMENTS)[number]["key"];
export const LEGAL_REQUIREMENT_KEYS = LEGAL_REQUIREMENTS.map((r) => r.key) as [LegalRequirementKey, ...LegalRequirementKey[]];

/** Events after which § 5 ArbSchG / GDA expect the assessment to be reviewed. */
export const REOPEN_TRIGGERS = [
  {
    key: "changed_conditions",
    label: { de: "Geänderte Arbeitsbedingungen", en: "Changed working conditions" },
  },
  { key: "new_findings", label: { de: "Neue Erkenntnisse", en: "New findings" } },
  { key: "accident", label: { de: "Arbeitsunfall", en: "Accident" } },
  { key: "complaints", label: { de: "Beschwerden", en: "Complaints" } },
] as const;

export type ReopenTriggerKey = (typeof REOPEN_TRIGGERS)[number]["key"];
export const REOPEN_TRIGGER_KEYS = REOPEN_TRIGGERS.map((t) => t.key) as [ReopenTriggerKey, ...ReopenTriggerKey[]];
