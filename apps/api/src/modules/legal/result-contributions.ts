import type { GbuStepKey, LegalRequirement, ResultSource } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { addResultEvidence, hasOtherResultEvidence, removeResultEvidence } from "../result-evidence/index.js";
import * as repo from "./legal.repository.js";
import { getRequirement, missingNow, reopenStepsForNewMeasures, settle } from "./legal.service.js";

/*
 * What accepted partner results contribute to a legal requirement, and how it is taken out again.
 * Completeness stays the legal module's rule: a result documents steps, dates and measures; the
 * requirement is done only when everything a labour inspector asks for is there. Its measures are
 * new measures like any other: they reopen the effectiveness and documentation steps.
 *
 * Taking a result out never destroys what the manager did afterwards: a value is restored only while
 * it is still the one the result set, a step stays ticked if it was ticked again by hand, and a
 * measure the manager has worked on stays (its source marked as withdrawn). When nothing of the
 * manager's is in the way, the undo is exact: status, completion time and history are as before.
 */

type MeasureInput = { title: string; ownerName: string; dueDate: string; carriedOutAt: string | null; proof: string };
type StepState = { step: GbuStepKey; completedAt: string | null };

export interface ResultContribution {
  resultId: string;
  source: ResultSource;
  /** Shown with the evidence, e.g. "COPSOQ-Auswertung v1". */
  label: string;
  steps: readonly GbuStepKey[];
  assessmentDate?: string;
  effectivenessCheck?: string;
  /** The day of the result's effectiveness check; required with effectivenessCheck to count. */
  effectivenessCheckedOn?: string;
  measures?: readonly MeasureInput[];
}

/** What to restore when the contribution is taken out; stored with the result. */
export interface ContributionUndo {
  key: string;
  /** Steps this result ticked, with the completion time it gave them. */
  stepsTicked: StepState[];
  /** Steps its new measures unticked, with the completion time they had. */
  stepsReopened?: StepState[];
  /** Measures it created, as created. */
  measures?: ({ id: string } & MeasureInput)[];
  assessmentDate?: { previous: string | null; set: string };
  effectivenessCheck?: { previous: string; previousCheckedOn: string | null; set: string; setCheckedOn: string | null };
  /** The requirement's status before and after landing, and the history entries the landing caused. */
  before?: { status: "open" | "done"; completedAt: string | null };
  statusAfter?: "open" | "done";
  eventIds?: string[];
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

const eventIdsOf = async (scope: TenantScope, requirementId: string) =>
  new Set((await repo.listEventRows(scope, [requirementId])).map((e) => e.id));

/**
 * A newer check replaces an older one (it looked at more measures); an older or undated one never
 * replaces what the company has.
 */
function replacesCheck(row: repo.RequirementRow, check: string, checkedOn: string | null): boolean {
  if (!check) return false;
  if (!row.effectivenessCheck.trim()) return true;
  return checkedOn !== null && (row.effectivenessCheckedOn === null || row.effectivenessCheckedOn < checkedOn);
}

/** Changes are written quietly and the status is settled once at the end, so the history shows one outcome. */
export async function contributeResult(scope: TenantScope, key: string, c: ResultContribution): Promise<ContributionUndo> {
  const row = await lockRequirement(scope, key);
  const eventsBefore = await eventIdsOf(scope, row.id);
  const undo: ContributionUndo = {
    key,
    stepsTicked: [],
    before: { status: row.status, completedAt: row.completedAt?.toISOString() ?? null },
  };

  // Measures first: they reopen steps the result itself may document again below.
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
  if (undo.measures?.length) undo.stepsReopened = await reopenStepsForNewMeasures(scope, row);

  const now = new Date();
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
      await repo.updateStepRows(scope, row.id, [step], { done: true, completedAt: now });
      undo.stepsTicked.push({ step, completedAt: now.toISOString() });
    }
  }
  if (undo.stepsTicked.length > 0) {
    await scope.audit({
      action: "legal.step_updated",
      entityType: "legal_requirement",
      entityId: row.id,
      details: { requirementKey: key, steps: undo.stepsTicked.map((s) => s.step), done: true, resultId: c.resultId },
    });
  }

  const patch: Parameters<typeof repo.updateRequirementRow>[2] = {};
  if (c.assessmentDate && (!row.assessmentDate || row.assessmentDate < c.assessmentDate)) {
    undo.assessmentDate = { previous: row.assessmentDate, set: c.assessmentDate };
    patch.assessmentDate = c.assessmentDate;
  }
  const check = c.effectivenessCheck?.trim() ?? "";
  const checkedOn = c.effectivenessCheckedOn ?? null;
  if (replacesCheck(row, check, checkedOn)) {
    undo.effectivenessCheck = {
      previous: row.effectivenessCheck,
      previousCheckedOn: row.effectivenessCheckedOn,
      set: check,
      setCheckedOn: checkedOn,
    };
    patch.effectivenessCheck = check;
    patch.effectivenessCheckedOn = checkedOn;
  }
  if (Object.keys(patch).length > 0) {
    await repo.updateRequirementRow(scope, row.id, patch);
    await scope.audit({
      action: "legal.requirement_updated",
      entityType: "legal_requirement",
      entityId: row.id,
      details: { requirementKey: key, fields: Object.keys(patch), resultId: c.resultId },
    });
  }

  const settled = await settle(scope, key);
  undo.statusAfter = settled.status;
  undo.eventIds = [...(await eventIdsOf(scope, row.id))].filter((id) => !eventsBefore.has(id));
  return undo;
}

/** Takes a result's contribution out: its evidence, its untouched measures, the steps it ticked and the values it set. */
export async function withdrawResult(scope: TenantScope, resultId: string, undo: ContributionUndo): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, undo.key);
  await removeResultEvidence(scope, resultId);
  const withdrawnAt = new Date().toISOString();

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
      // The manager has worked on it: it is theirs now, and it no longer stands on the partner's result.
      await repo.detachMeasureFromResult(scope, row.id, m.id, m.source ? { ...m.source, withdrawnAt } : null);
      kept += 1;
    }
  }

  const stepsUnticked: GbuStepKey[] = [];
  for (const { step, completedAt } of undo.stepsTicked) {
    const stepRow = await repo.findStepRow(scope, row.id, step);
    // Still as this result left it, and no other result documents it? Then it is unticked again.
    const untouched = stepRow?.done && (stepRow.completedAt?.toISOString() ?? null) === completedAt;
    if (!stepRow || !untouched || (await hasOtherResultEvidence(scope, "legal_step", stepRow.id, resultId))) continue;
    await repo.updateStepRows(scope, row.id, [step], { done: false, completedAt: null });
    stepsUnticked.push(step);
  }

  // Steps its measures reopened are ticked again as they were, unless a kept measure still needs a new check.
  const stepsRestored: GbuStepKey[] = [];
  if (kept === 0) {
    for (const { step, completedAt } of undo.stepsReopened ?? []) {
      const stepRow = await repo.findStepRow(scope, row.id, step);
      if (!stepRow || stepRow.done) continue;
      await repo.updateStepRows(scope, row.id, [step], { done: true, completedAt: completedAt ? new Date(completedAt) : new Date() });
      stepsRestored.push(step);
    }
  }

  const patch: Parameters<typeof repo.updateRequirementRow>[2] = {};
  if (undo.assessmentDate && row.assessmentDate === undo.assessmentDate.set) patch.assessmentDate = undo.assessmentDate.previous;
  const check = undo.effectivenessCheck;
  if (check && row.effectivenessCheck === check.set) {
    patch.effectivenessCheck = check.previous;
    // Undo records written before checks had a date carry none; the previous check keeps its own then.
    if ("previousCheckedOn" in check) patch.effectivenessCheckedOn = check.previousCheckedOn;
  }
  if (Object.keys(patch).length > 0) await repo.updateRequirementRow(scope, row.id, patch);

  await scope.audit({
    action: "legal.result_withdrawn",
    entityType: "legal_requirement",
    entityId: row.id,
    details: {
      requirementKey: undo.key,
      resultId,
      measuresRemoved: removed,
      measuresKept: kept,
      stepsUnticked,
      stepsRestored,
      fieldsRestored: Object.keys(patch),
    },
  });

  if (await restoreStatusExactly(scope, row, undo, kept)) return getRequirement(scope, undo.key);
  return settle(scope, undo.key);
}

/**
 * When the requirement goes back to the status it had before the result landed, and the result left
 * nothing the manager kept, it gets back its completion time too, and the history entries the landing
 * caused ("reopened", "completed") go with it: the company sent the result back, so for the ledger
 * it never landed. The audit log keeps the full record of both.
 */
async function restoreStatusExactly(scope: TenantScope, row: repo.RequirementRow, undo: ContributionUndo, kept: number): Promise<boolean> {
  if (!undo.before || kept > 0 || row.status !== undo.statusAfter) return false;
  const fresh = await repo.findRequirementRow(scope, undo.key);
  if (!fresh) return false;
  const missing = await missingNow(scope, fresh);
  if ((missing.length === 0 ? "done" : "open") !== undo.before.status) return false;
  await repo.updateRequirementRow(scope, row.id, {
    status: undo.before.status,
    completedAt: undo.before.completedAt ? new Date(undo.before.completedAt) : null,
  });
  await repo.deleteEventRows(scope, row.id, undo.eventIds ?? []);
  if (row.status !== undo.before.status) {
    await scope.audit({
      action: undo.before.status === "done" ? "legal.completed" : "legal.reopened",
      entityType: "legal_requirement",
      entityId: row.id,
      details: { requirementKey: undo.key, reason: "result_withdrawn", restoredCompletedAt: undo.before.completedAt },
    });
  }
  return true;
}
