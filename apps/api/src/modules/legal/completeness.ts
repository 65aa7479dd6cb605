import { GBU_STEP_KEYS } from "@bgm/domain";

/** The facts completeness depends on; the service builds it from the rows, tests build it by hand. */
export interface CompletenessInput {
  assessmentDate: string | null;
  effectivenessCheck: string;
  steps: readonly { key: string; done: boolean }[];
  measures: readonly { id: string; ownerName: string; dueDate: string | null; carriedOutAt: string | null; proof: string }[];
}

/**
 * What a labour inspector would still ask for before the Gefährdungsbeurteilung counts as
 * documented (§ 5, § 6 ArbSchG). Keys are stable strings the web app translates; per-measure keys
 * carry the measure id after a colon so the UI can point at the row. Empty list = done.
 *
 * Every registry step must be done, not only identify/assess: the seven steps are the process the
 * GDA expects documented, and a reopen trigger relies on undoing the last two to reopen.
 */
export function missingDocumentation(input: CompletenessInput): string[] {
  const missing: string[] = [];
  const doneSteps = new Set(input.steps.filter((s) => s.done).map((s) => s.key));
  // Registry order, so the list reads like the process; a step without a row counts as not done.
  for (const key of GBU_STEP_KEYS) {
    if (!doneSteps.has(key)) missing.push(`step_not_done:${key}`);
  }
  if (!input.assessmentDate) missing.push("assessment_date_missing");
  if (input.measures.length === 0) missing.push("no_measures");
  for (const m of input.measures) {
    if (!m.ownerName.trim() || !m.dueDate) missing.push(`measure_missing_owner_or_due_date:${m.id}`);
    if (!m.carriedOutAt) missing.push(`measure_not_carried_out:${m.id}`);
    if (!m.proof.trim()) missing.push(`measure_without_proof:${m.id}`);
  }
  if (!input.effectivenessCheck.trim()) missing.push("effectiveness_check_missing");
  return missing;
}
