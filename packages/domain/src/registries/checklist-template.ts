import type { LegalRequirementKey } from "./legal-requirements.js";
import type { PhaseNumber } from "./phases.js";

/**
 * The checklist every new BGM project starts with. Keys are stable: other features (partner
 * suggestions, result integration) refer to tasks by key, so a key is never renamed or reused.
 * `kind` names the extra data a task carries beyond status/owner/due/notes.
 */
export type TaskKind = "standard" | "works_council_agreement";

export interface TaskTemplate {
  key: string;
  phase: PhaseNumber;
  kind: TaskKind;
  label: { de: string; en: string };
  description: { de: string; en: string };
  /**
   * A task that is the same duty as a legal requirement takes its status from that requirement's
   * ledger (steps, measures, effectiveness check) instead of keeping its own: one source of truth,
   * so the checklist can never say "open" while the ledger says "done", or the reverse.
   */
  followsLegalRequirement?: LegalRequirementKey;
}

export const TASK_TEMPLATES = [
  {
    key: "form_steering_group",
    phase: 1,
    kind: "standard",
    label: { de: "Steuerungskreis bilden", en: "Form the steering group" },
    description: {
      de: "Geschäftsführung, Betriebsrat, Arbeitssicherheit und Betriebsarzt an einen Tisch bringen.",
      en: "Bring management, works council, safety specialist and company doctor together.",
    },
  },
  {
    key: "works_council_agreement",
    phase: 1,
    kind: "works_council_agreement",
    label: { de: "Betriebsvereinbarung mit dem Betriebsrat", en: "Works council agreement" },
    description: {
      de: "Die Krankenkassen erwarten vor dem Start eine Vereinbarung mit dem Betriebsrat (Datum und Dokument).",
      en: "Health insurers expect an agreement with the works council before the process starts (date and document).",
    },
  },
  {
    key: "define_goals",
    phase: 1,
    kind: "standard",
    label: { de: "Messbare Ziele festlegen", en: "Define measurable goals" },
    description: {
      de: "Ziele mit messbarem Zielwert und Termin, z. B. Senkung der AU-Tage um 10 % bis 2027.",
      en: "Goals with a measurable target and date, e.g. reduce sick days by 10 % by 2027.",
    },
  },
  {
    key: "employee_survey",
    phase: 2,
    kind: "standard",
    label: { de: "Mitarbeiterbefragung durchführen", en: "Conduct employee survey" },
    description: {
      de: "Psychosoziale Belastungen erheben, z. B. mit dem COPSOQ-Fragebogen.",
      en: "Survey psychosocial strain, e.g. with the COPSOQ questionnaire.",
    },
  },
  {
    key: "risk_assessment_psychological",
    phase: 2,
    kind: "standard",
    label: {
      de: "Gefährdungsbeurteilung psychischer Belastung",
      en: "Risk assessment of psychological strain",
    },
    description: {
      de: "Gesetzlich vorgeschrieben nach § 5 ArbSchG; der Stand folgt der Dokumentation unter Rechtliche Anforderungen.",
      en: "Required by law under § 5 ArbSchG; its status follows the documentation under Legal requirements.",
    },
    followsLegalRequirement: "gbu_psychological",
  },
  {
    key: "sick_leave_analysis",
    phase: 2,
    kind: "standard",
    label: { de: "AU-Daten analysieren", en: "Analyse sick-leave data" },
    description: {
      de: "Arbeitsunfähigkeitsdaten der Krankenkasse auswerten.",
      en: "Evaluate the health insurer's sick-leave report.",
    },
  },
  {
    key: "ergonomic_workplace_check",
    phase: 2,
    kind: "standard",
    label: { de: "Arbeitsplätze ergonomisch prüfen", en: "Check workplace ergonomics" },
    description: {
      de: "Physische Belastungen an den Arbeitsplätzen erfassen.",
      en: "Record physical strain at the workplaces.",
    },
  },
  {
    key: "prioritise_interventions",
    phase: 3,
    kind: "standard",
    label: { de: "Maßnahmen priorisieren", en: "Prioritise interventions" },
    description: {
      de: "Aus den Analyseergebnissen die wichtigsten Handlungsfelder ableiten.",
      en: "Derive the most important fields of action from the analysis.",
    },
  },
  {
    key: "plan_health_day",
    phase: 3,
    kind: "standard",
    label: { de: "Gesundheitstag planen", en: "Plan a health day" },
    description: {
      de: "Module, Termin, Budget und Anbieter festlegen.",
      en: "Choose modules, date, budget and providers.",
    },
  },
  {
    key: "budget_and_funding",
    phase: 3,
    kind: "standard",
    label: { de: "Budget und Förderung klären", en: "Clarify budget and funding" },
    description: {
      de: "Zuschüsse der Krankenkasse nach § 20b SGB V prüfen.",
      en: "Check health-insurer funding under § 20b SGB V.",
    },
  },
  {
    key: "run_interventions",
    phase: 4,
    kind: "standard",
    label: { de: "Maßnahmen durchführen", en: "Run interventions" },
    description: {
      de: "Kurse, Workshops und Beratungen umsetzen.",
      en: "Deliver courses, workshops and coaching.",
    },
  },
  {
    key: "document_participation",
    phase: 4,
    kind: "standard",
    label: { de: "Teilnahme dokumentieren", en: "Document participation" },
    description: {
      de: "Wer hat teilgenommen? Namen bleiben im Unternehmen.",
      en: "Who took part? Names stay inside the company.",
    },
  },
  {
    key: "measure_effectiveness",
    phase: 5,
    kind: "standard",
    label: { de: "Wirksamkeit messen", en: "Measure effectiveness" },
    description: {
      de: "Kennzahlen mit den Zielen aus Phase 1 vergleichen.",
      en: "Compare the KPIs with the goals from phase 1.",
    },
  },
  {
    key: "insurance_report",
    phase: 5,
    kind: "standard",
    label: { de: "Bericht für die Krankenkasse", en: "Report for the health insurer" },
    description: {
      de: "Dokumentation für die Förderung nach § 20b SGB V.",
      en: "Documentation for funding under § 20b SGB V.",
    },
  },
  {
    key: "anchor_in_routines",
    phase: 6,
    kind: "standard",
    label: { de: "In Routinen verankern", en: "Anchor in routines" },
    description: {
      de: "Bewährte Maßnahmen dauerhaft einplanen.",
      en: "Schedule proven interventions permanently.",
    },
  },
  {
    key: "plan_next_cycle",
    phase: 6,
    kind: "standard",
    label: { de: "Nächsten Zyklus planen", en: "Plan the next cycle" },
    description: {
      de: "Neue Analyse und Ziele für den nächsten Durchlauf festlegen.",
      en: "Schedule the next analysis and set new goals.",
    },
  },
] as const satisfies readonly TaskTemplate[];

export type TaskKey = (typeof TASK_TEMPLATES)[number]["key"];
export const TASK_KEYS = TASK_TEMPLATES.map((t) => t.key) as [TaskKey, ...TaskKey[]];

export function taskTemplate(key: string): TaskTemplate | undefined {
  return TASK_TEMPLATES.find((t) => t.key === key);
}

/** A legal requirement's ledger as far as a task mirroring it needs it. */
export interface TaskLedgerState {
  status: "open" | "done";
  /** Any step, measure or check documented. */
  started: boolean;
}

/**
 * The status of a checklist task: a task that follows a legal requirement shows that requirement's
 * ledger (done when the requirement is, in progress as soon as anything is documented, else open);
 * any other task, or one whose requirement is not there, keeps its own status.
 */
export function taskStatusFromLedger(
  own: "open" | "in_progress" | "done",
  ledger: TaskLedgerState | undefined,
): "open" | "in_progress" | "done" {
  if (!ledger) return own;
  if (ledger.status === "done") return "done";
  return ledger.started ? "in_progress" : "open";
}
