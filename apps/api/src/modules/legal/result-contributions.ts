import type { GbuStepKey, LegalRequirement, ResultSource } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { addResultEvidence, hasOtherResultEvidence, removeResultEvidence } from "../result-evidence/index.js";
import * as repo from "./legal.repository.js";
import { getRequirement, settle, updateRequirement, updateStep } from "./legal.service.js";

/*
 * What accepted partner results contribute to a legal requirement, and how it is taken out again.
 * Completeness stays the legal module's rule: a result documents steps, dates and measures; the
 * requirement is done only when everything a labour inspector asks for is there.
 */

export interface ResultContribution {
  resultId: string;
  source: ResultSource;
  /** Shown with the evidence, e.g. "COPSOQ-Auswertung v1". */
  label: string;
  steps: readonly GbuStepKey[];
  assessmentDate?: string;
  effectivenessCheck?: string;
  measures?: readonly { title: string; ownerName: string; dueDate: string; carriedOutAt: string | null; proof: string }[];
}

/** What to restore when the contribution is taken out; stored with the result. */
export interface ContributionUndo {
  key: string;
  stepsTicked: GbuStepKey[];
  previousAssessmentDate?: string | null;
  previousEffectivenessCheck?: string;
}

export async function contributeResult(scope: TenantScope, key: string, c: ResultContribution): Promise<ContributionUndo> {
  const before = await getRequirement(scope, key);
  const row = await repo.findRequirementRow(scope, key, true);
  if (!row) throw AppError.notFound("Legal requirement");
  const undo: ContributionUndo = { key, stepsTicked: [] };
  for (const step of c.steps) {
    const current = before.steps.find((s) => s.key === step);
    const stepRow = await repo.findStepRow(scope, row.id, step);
    if (!stepRow) continue;
    await addResultEvidence(scope, {
      resultId: c.resultId,
      targetType: "legal_step",
      targetId: stepRow.id,
      label: c.label,
      source: c.source,
    });
    if (!current?.done) {
      // No note: the evidence link names the result and its source, and goes with it when withdrawn.
      await updateStep(scope, key, step, { done: true });
      undo.stepsTicked.push(step);
    }
  }
  for (const m of c.measures ?? []) {
    const measure = await repo.insertMeasureRow(scope, {
      requirementId: row.id,
      title: m.title,
      ownerName: m.ownerName,
      dueDate: m.dueDate,
      carriedOutAt: m.carriedOutAt,
      proof: m.proof,
      sourceResultId: c.resultId,
      source: c.source as unknown as Record<string, unknown>,
    });
    await scope.audit({
      action: "legal.measure_created",
      entityType: "legal_measure",
      entityId: measure.id,
      details: { requirementKey: key, resultId: c.resultId },
    });
  }
  const patch: { assessmentDate?: string; effectivenessCheck?: string } = {};
  if (c.assessmentDate && (!before.assessmentDate || before.assessmentDate < c.assessmentDate)) {
    undo.previousAssessmentDate = before.assessmentDate;
    patch.assessmentDate = c.assessmentDate;
  }
  if (c.effectivenessCheck?.trim() && !before.effectivenessCheck.trim()) {
    undo.previousEffectivenessCheck = before.effectivenessCheck;
    patch.effectivenessCheck = c.effectivenessCheck.trim();
  }
  // updateRequirement settles the status itself; otherwise new measures may change it.
  if (Object.keys(patch).length > 0) await updateRequirement(scope, key, patch);
  else await settle(scope, key);
  return undo;
}

/** Takes a result's contribution out: its evidence, its measures, the steps it ticked and the fields it set. */
export async function withdrawResult(scope: TenantScope, resultId: string, undo: ContributionUndo): Promise<LegalRequirement> {
  const row = await repo.findRequirementRow(scope, undo.key, true);
  if (!row) throw AppError.notFound("Legal requirement");
  await removeResultEvidence(scope, resultId);
  const removed = await repo.deleteMeasuresOfResult(scope, row.id, resultId);
  if (removed > 0) {
    await scope.audit({
      action: "legal.measures_withdrawn",
      entityType: "legal_requirement",
      entityId: row.id,
      details: { requirementKey: undo.key, resultId, count: removed },
    });
  }
  for (const step of undo.stepsTicked) {
    const stepRow = await repo.findStepRow(scope, row.id, step);
    // Another result (or nothing else) still documents it? Then it stays as it is.
    if (!stepRow?.done || (await hasOtherResultEvidence(scope, "legal_step", stepRow.id, resultId))) continue;
    await updateStep(scope, undo.key, step, { done: false });
  }
  const patch: { assessmentDate?: string | null; effectivenessCheck?: string } = {};
  if (undo.previousAssessmentDate !== undefined) patch.assessmentDate = undo.previousAssessmentDate;
  if (undo.previousEffectivenessCheck !== undefined) patch.effectivenessCheck = undo.previousEffectivenessCheck;
  if (Object.keys(patch).length > 0) return updateRequirement(scope, undo.key, patch);
  return settle(scope, undo.key);
}
