import { GBU_STEP_KEYS, type GbuStepKey } from "@bgm/domain";

/** The facts completeness depends on; the service builds it from the rows, tests build it by hand. */
export interface CompletenessInput {
  assessmentDate: string | null;
  effectivenessCheck: string;
  /** The day of the effectiveness check (ISO date); null for a check without a date. */
  effectivenessCheckedOn: string | null;
  steps: readonly { key: string; done: boolean }[];
  measures: readonly { id: string; ownerName: string; dueDate: string | null; carriedOutAt: string | null; proof: string }[];
}

/**
 * A new measure means the assessment changed: whether it works has not been checked and the record
 * has not been updated for it, so these steps start over. A reopen trigger undoes the same two.
 */
export const STEPS_REOPENED_BY_NEW_MEASURES: readonly GbuStepKey[] = ["check_effectiveness", "update_and_document"];

/**
 * What a labour inspector would still ask for before the Gefährdungsbeurteilung counts as
 * documented (§ 5, § 6 ArbSchG). Keys are stable strings the web app translates; per-measure keys
 * carry the measure id after a colon so the UI can point at the row. Empty list = done.
 *
 * Every registry step must be done, not only identify/assess: the seven steps are the process the
 * GDA expects documented, and a reopen trigger relies on undoing the last two to reopen.
 *
 * The effectiveness check must look at the measures as they are: a requirement is done only when
 * every measure is carried out and the check is dated on or after the day the last one was carried
 * out. A check written before (e.g. for an earlier round of measures) does not say whether the new
 * ones work, so it counts as "effectiveness check after the last measure missing". Dates are days,
 * so a check on the same day as the last measure counts.
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
  else if (!checkCoversMeasures(input)) missing.push("effectiveness_check_before_last_measure");
  return missing;
}

/** True when the check is dated on or after every measure's execution (and none is still open). */
function checkCoversMeasures(input: CompletenessInput): boolean {
  if (input.measures.length === 0) return true;
  const checkedOn = input.effectivenessCheckedOn;
  // ISO dates compare as strings.
  return input.measures.every((m) => m.carriedOutAt !== null && checkedOn !== null && checkedOn >= m.carriedOutAt);
}
