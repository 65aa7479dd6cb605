import type {
  CreateMeasure,
  GbuStepKey,
  LegalRequirement,
  ReopenTriggerKey,
  UpdateMeasure,
  UpdateRequirement,
  UpdateStep,
} from "@bgm/domain";
import { LEGAL_REQUIREMENTS } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { storeFile } from "../files/index.js";
import { missingDocumentation, STEPS_REOPENED_BY_NEW_MEASURES } from "./completeness.js";
import * as repo from "./legal.repository.js";
import { completenessInput, EVIDENCE_TARGET, loadViews } from "./legal.view.js";

/*
 * Use cases of the legal requirements. Roles are checked by the caller (routes via inTenant, other
 * modules for their own callers); here we check that the scope is a company, find the requirement
 * of that company, apply the change and settle the status, all in the caller's transaction.
 */

const ENTITY = "legal_requirement";

/** The day in Germany, where the checks happen: a check recorded at 00:30 belongs to that day, not to UTC's previous one. */
const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });
export const todayInBerlin = (now = new Date()) => berlinDay.format(now);

export interface EvidenceUpload {
  fileName: string;
  declaredType: string;
  content: Buffer;
  note?: string;
}

function assertCompany(scope: TenantScope): void {
  if (scope.orgKind !== "company") throw AppError.forbidden("Only companies have legal requirements");
}

/** Finds and locks the requirement; an unknown key and another company's key look the same. */
async function lockRequirement(scope: TenantScope, key: string): Promise<repo.RequirementRow> {
  assertCompany(scope);
  const row = await repo.findRequirementRow(scope, key, true);
  if (!row) throw AppError.notFound("Legal requirement");
  return row;
}

/**
 * What the requirement still lacks, from its rows as they are now. The one assembly of the completeness
 * input: settling after a change and the exact undo of a withdrawn result both ask it.
 */
export async function missingNow(scope: TenantScope, row: repo.RequirementRow): Promise<string[]> {
  const steps = await repo.listStepRows(scope, [row.id]);
  const measures = await repo.listMeasureRows(scope, [row.id]);
  return missingDocumentation(completenessInput(row, steps, measures));
}

/**
 * Recomputes completeness after a change and moves the status: done when nothing is missing any
 * more, open again when something is. Runs in the same transaction as the change.
 */
export async function settle(scope: TenantScope, key: string): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const missing = await missingNow(scope, row);
  if (missing.length === 0 && row.status !== "done") {
    await repo.updateRequirementRow(scope, row.id, { status: "done", completedAt: new Date() });
    await repo.insertEventRow(scope, { requirementId: row.id, kind: "completed", note: "", actorUserId: scope.userId });
    await scope.audit({ action: "legal.completed", entityType: ENTITY, entityId: row.id, details: { requirementKey: key } });
  } else if (missing.length > 0 && row.status === "done") {
    await repo.updateRequirementRow(scope, row.id, { status: "open", completedAt: null });
    await repo.insertEventRow(scope, { requirementId: row.id, kind: "reopened", note: "", actorUserId: scope.userId });
    await scope.audit({
      action: "legal.reopened",
      entityType: ENTITY,
      entityId: row.id,
      details: { requirementKey: key, reason: "documentation_incomplete", missing },
    });
  }
  return getRequirement(scope, key);
}

export async function listRequirements(scope: TenantScope): Promise<LegalRequirement[]> {
  assertCompany(scope);
  return loadViews(scope, await repo.listRequirementRows(scope));
}

export async function getRequirement(scope: TenantScope, key: string): Promise<LegalRequirement> {
  assertCompany(scope);
  const row = await repo.findRequirementRow(scope, key);
  if (!row) throw AppError.notFound("Legal requirement");
  const [view] = await loadViews(scope, [row]);
  if (!view) throw new Error("requirement view missing");
  return view;
}

export async function updateRequirement(
  scope: TenantScope,
  key: string,
  patch: z.infer<typeof UpdateRequirement>,
): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const values: Parameters<typeof repo.updateRequirementRow>[2] = { ...patch };
  // A rewritten check without its date was written now; a blank one has no date.
  if (patch.effectivenessCheck !== undefined && patch.effectivenessCheckedOn === undefined) {
    if (!patch.effectivenessCheck.trim()) values.effectivenessCheckedOn = null;
    else if (patch.effectivenessCheck.trim() !== row.effectivenessCheck.trim()) values.effectivenessCheckedOn = todayInBerlin();
  }
  await repo.updateRequirementRow(scope, row.id, values);
  await scope.audit({
    action: "legal.requirement_updated",
    entityType: ENTITY,
    entityId: row.id,
    details: { requirementKey: key, fields: Object.keys(patch) },
  });
  return settle(scope, key);
}

async function findStep(scope: TenantScope, row: repo.RequirementRow, step: GbuStepKey): Promise<repo.StepRow> {
  const stepRow = await repo.findStepRow(scope, row.id, step);
  if (!stepRow) throw AppError.notFound("Step");
  return stepRow;
}

export async function updateStep(
  scope: TenantScope,
  key: string,
  step: GbuStepKey,
  patch: z.infer<typeof UpdateStep>,
): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const current = await findStep(scope, row, step);
  // completedAt records when the step was first ticked; re-ticking a done step keeps that date.
  const completedAt = patch.done === undefined ? current.completedAt : patch.done ? (current.completedAt ?? new Date()) : null;
  await repo.updateStepRows(scope, row.id, [step], { ...patch, completedAt });
  await scope.audit({
    action: "legal.step_updated",
    entityType: "legal_requirement_step",
    entityId: current.id,
    details: { requirementKey: key, step, fields: Object.keys(patch), ...(patch.done === undefined ? {} : { done: patch.done }) },
  });
  return settle(scope, key);
}

/**
 * For other modules (e.g. accepted partner results): ticks a step and appends a note rather than
 * overwriting what the manager wrote.
 */
export async function markStepDone(
  scope: TenantScope,
  key: string,
  step: GbuStepKey,
  opts: { note?: string } = {},
): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const current = await findStep(scope, row, step);
  const note = opts.note?.trim();
  const notes = note ? [current.notes, note].filter(Boolean).join("\n").slice(0, 5000) : current.notes;
  return updateStep(scope, key, step, { done: true, notes });
}

/** Stores a file as evidence of one step; the files module refuses content that isn't what it claims. */
export async function attachEvidence(scope: TenantScope, key: string, step: GbuStepKey, upload: EvidenceUpload): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const stepRow = await findStep(scope, row, step);
  const file = await storeFile(scope, { ...upload, attachedTo: EVIDENCE_TARGET, attachedId: stepRow.id });
  await scope.audit({
    action: "legal.evidence_added",
    entityType: "legal_requirement_step",
    entityId: stepRow.id,
    details: { requirementKey: key, step, fileId: file.id },
  });
  return settle(scope, key);
}

export async function createMeasure(scope: TenantScope, key: string, input: z.infer<typeof CreateMeasure>): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const measure = await repo.insertMeasureRow(scope, { requirementId: row.id, ...input });
  await scope.audit({
    action: "legal.measure_created",
    entityType: "legal_measure",
    entityId: measure.id,
    details: { requirementKey: key },
  });
  await reopenStepsForNewMeasures(scope, row);
  return settle(scope, key);
}

/**
 * New measures reopen the effectiveness and documentation steps (see completeness.ts). Returns the
 * steps it unticked as they were, so a partner result that brought the measures can be undone exactly.
 * Does not settle: the caller does, once, after all its changes.
 */
export async function reopenStepsForNewMeasures(
  scope: TenantScope,
  row: repo.RequirementRow,
): Promise<{ step: GbuStepKey; completedAt: string | null }[]> {
  const steps = await repo.listStepRows(scope, [row.id]);
  const reopened = steps
    .filter((s) => s.done && (STEPS_REOPENED_BY_NEW_MEASURES as readonly string[]).includes(s.stepKey))
    .map((s) => ({ step: s.stepKey as GbuStepKey, completedAt: s.completedAt?.toISOString() ?? null }));
  if (reopened.length === 0) return [];
  await repo.updateStepRows(
    scope,
    row.id,
    reopened.map((s) => s.step),
    { done: false, completedAt: null },
  );
  await scope.audit({
    action: "legal.steps_reopened",
    entityType: ENTITY,
    entityId: row.id,
    details: { requirementKey: row.requirementKey, steps: reopened.map((s) => s.step), reason: "new_measures" },
  });
  return reopened;
}

export async function updateMeasure(
  scope: TenantScope,
  key: string,
  id: string,
  patch: z.infer<typeof UpdateMeasure>,
): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  const measure = await repo.updateMeasureRow(scope, row.id, id, patch);
  if (!measure) throw AppError.notFound("Measure");
  await scope.audit({
    action: "legal.measure_updated",
    entityType: "legal_measure",
    entityId: id,
    details: { requirementKey: key, fields: Object.keys(patch) },
  });
  return settle(scope, key);
}

/**
 * Changed conditions, new findings, an accident or complaints oblige the employer to review the
 * assessment: the requirement reopens and the review steps start over, whatever was documented.
 */
export async function recordTrigger(
  scope: TenantScope,
  key: string,
  input: { kind: ReopenTriggerKey; note?: string },
): Promise<LegalRequirement> {
  const row = await lockRequirement(scope, key);
  await repo.updateStepRows(scope, row.id, STEPS_REOPENED_BY_NEW_MEASURES, { done: false, completedAt: null });
  await repo.updateRequirementRow(scope, row.id, { status: "open", completedAt: null });
  await repo.insertEventRow(scope, { requirementId: row.id, kind: input.kind, note: input.note ?? "", actorUserId: scope.userId });
  // The note may describe an accident or a person: it stays in the event, never in the audit log.
  await scope.audit({
    action: "legal.reopened",
    entityType: ENTITY,
    entityId: row.id,
    details: { requirementKey: key, trigger: input.kind, previousStatus: row.status },
  });
  return settle(scope, key);
}

/**
 * Creates the company's legal requirements with their steps; called in the transaction that
 * creates the company. One audit entry for the lot, none when everything existed already.
 */
export async function bootstrapLegalRequirements(scope: TenantScope): Promise<void> {
  assertCompany(scope);
  const created = await repo.insertRequirementsWithSteps(scope, LEGAL_REQUIREMENTS);
  if (created > 0) {
    await scope.audit({
      action: "legal.requirements_created",
      entityType: ENTITY,
      details: { keys: LEGAL_REQUIREMENTS.map((r) => r.key) },
    });
  }
}

export interface RequirementProgress {
  key: string;
  status: "open" | "done";
  completedAt: string | null;
  /** Some documentation exists: a step ticked or a measure set. */
  started: boolean;
}

/** Where each requirement stands, for a checklist task that mirrors it (no evidence, no files loaded). */
export async function requirementProgress(scope: TenantScope): Promise<RequirementProgress[]> {
  if (scope.orgKind !== "company") return [];
  const rows = await repo.listRequirementProgressRows(scope);
  return rows.map((r) => ({
    key: r.requirementKey,
    status: r.status,
    completedAt: r.completedAt?.toISOString() ?? null,
    started: r.started === true,
  }));
}
