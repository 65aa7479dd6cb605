import type { GbuStepKey, LegalRequirement, ResultSource } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { addResultEvidence, hasOtherResultEvidence, removeResultEvidence } from "../result-evidence/index.js";
import * as repo from "./legal.repository.js";
import { settle, updateRequirement, updateStep } from "./legal.service.js";

/*
 * What accepted partner results contribute to a legal requirement, and how it is taken out again.
 * Completeness stays the legal module's rule: a result documents steps, dates and measures; the
 * requirement is done only when everything a labour inspector asks for is there.
 *
 * Taking a result out never destroys what the manager did afterwards: a value is restored only while
 * it is still the one the result set, a step stays ticked if it was ticked again by hand, and a
 * measure the manager has worked on stays (without the link to the result).
 */

type MeasureInput = { title: string; ownerName: string; dueDate: string; carriedOutAt: string | null; proof: string };

export interface ResultContribution {
  resultId: string;
  source: ResultSource;
  /** Shown with the evidence, e.g. "COPSOQ-Auswertung v1". */
  label: string;
  steps: readonly GbuStepKey[];
  assessmentDate?: string;
  effectivenessCheck?: string;
  measures?: readonly MeasureInput[];
}

/** What to restore when the contribution is taken out; stored with the result. */
export interface ContributionUndo {
  key: string;
  /** Steps this result ticked, with the completion time it gave them. */
  stepsTicked: { step: GbuStepKey; completedAt: string | null }[];
  /** Measures it created, as created. */
  measures?: ({ id: string } & MeasureInput)[];
  assessmentDate?: { previous: string | null; set: string };
  effectivenessCheck?: { previous: string; set: string };
}

const sameMeasure = (m: repo.MeasureRow, created: MeasureInput) =>
  m.title === created.title &&
  m.ownerName === created.ownerName &&
  m.dueDate === created.dueDate &&
  m.carriedOutAt === created.carriedOutAt &&
  m.proof === created.proof;

/** Locks the requirement first, so two results landing at once read and record consistent values. */
async function lockRequirement(scope: TenantScope, key: string): Promise<repo.RequirementRow> {
  const row = await repo.findRequirementRow(scope, key, true);
  if (!row) throw AppError.notFound("Legal requirement");
  return row;
}

export async function contributeResult(scope: TenantScope, key: string, c: ResultContribution): Promise<ContributionUndo> {
  const row = await lockRequirement(scope, key);
  const undo: ContributionUndo = { key, stepsTicked: [] };
  for (const step of c.steps) {
    const stepRow = await repo.findStepRow(scope, row.id, step);
    if (!stepRow) continue;
    await addResultEvidence(scope, {
      resultId: c.resultId,
      targetType: "legal_step",
      targetId: stepRow.id,
      label: c.label,
      source: c.source,
    });
    if (!stepRow.done) {
      // No note: the evidence link names the result and its source, and goes with it when withdrawn.
      await updateStep(scope, key, step, { done: true });
      const ticked = await repo.findStepRow(scope, row.id, step);
      undo.stepsTicked.push({ step, completedAt: ticked?.completedAt?.toISOString() ?? null });
    }
  }
  for (const m of c.measures ?? []) {
    const measure = await repo.insertMeasureRow(scope, {
      requirementId: row.id,
      ...m,
      sourceResultId: c.resultId,
      source: c.source as unknown as Record<string, unknown>,
    });
    undo.measures = [...(undo.measures ?? []), { id: measure.id, ...m }];
    await scope.audit({
      action: "legal.measure_created",
      entityType: "legal_measure",
      entityId: measure.id,
      details: { requirementKey: key, resultId: c.resultId },
    });
  }
  const patch: { assessmentDate?: string; effectivenessCheck?: string } = {};
  if (c.assessmentDate && (!row.assessmentDate || row.assessmentDate < c.assessmentDate)) {
    undo.assessmentDate = { previous: row.assessmentDate, set: c.assessmentDate };
    patch.assessmentDate = c.assessmentDate;
  }
  const check = c.effectivenessCheck?.trim();
  if (check && !row.effectivenessCheck.trim()) {
    undo.effectivenessCheck = { previous: row.effectivenessCheck, set: check };
    patch.effectivenessCheck = check;
  }
  // updateRequirement settles the status itself; otherwise new measures may change it.
  if (Object.keys(patch).length > 0) await updateRequirement(scope, key, patch);
  else await settle(scope, key);
  return undo;
}

/** Takes a result's contribution out: its evidence, its untouched measures, the steps it ticked and the values it set. */
export async function withdrawResult(scope: TenantScope, resultId: string, undo: ContributionUndo): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, undo.key);
  await removeResultEvidence(scope, resultId);

  const current = await repo.listMeasureRows(scope, [row.id]);
  let removed = 0;
  let kept = 0;
  for (const created of undo.measures ?? []) {
    const m = current.find((x) => x.id === created.id);
    if (!m) continue;
    if (sameMeasure(m, created)) {
      await repo.deleteMeasure(scope, row.id, m.id);
      removed += 1;
    } else {
      // The manager has worked on it: it is theirs now, the link to the withdrawn result goes.
      await repo.detachMeasureFromResult(scope, row.id, m.id);
      kept += 1;
    }
  }
  if (removed + kept > 0) {
    await scope.audit({
      action: "legal.measures_withdrawn",
      entityType: "legal_requirement",
      entityId: row.id,
      details: { requirementKey: undo.key, resultId, removed, kept },
    });
  }

  for (const { step, completedAt } of undo.stepsTicked) {
    const stepRow = await repo.findStepRow(scope, row.id, step);
    // Still as this result left it, and no other result documents it? Then it is unticked again.
    const untouched = stepRow?.done && (stepRow.completedAt?.toISOString() ?? null) === completedAt;
    if (!stepRow || !untouched || (await hasOtherResultEvidence(scope, "legal_step", stepRow.id, resultId))) continue;
    await updateStep(scope, undo.key, step, { done: false });
  }

  const patch: { assessmentDate?: string | null; effectivenessCheck?: string } = {};
  if (undo.assessmentDate && row.assessmentDate === undo.assessmentDate.set) patch.assessmentDate = undo.assessmentDate.previous;
  if (undo.effectivenessCheck && row.effectivenessCheck === undo.effectivenessCheck.set) {
    patch.effectivenessCheck = undo.effectivenessCheck.previous;
  }
  if (Object.keys(patch).length > 0) return updateRequirement(scope, undo.key, patch);
  return settle(scope, undo.key);
}
