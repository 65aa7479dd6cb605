import { member } from "@bgm/db";
import { PHASES, type Project, TASK_TEMPLATES, type TaskStatus, taskTemplate } from "@bgm/domain";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import { publish } from "../../lib/domain-events.js";
import type { TenantScope } from "../../lib/request-context.js";
import { requirementProgress } from "../legal/index.js";
import { listResultEvidence } from "../result-evidence/index.js";
import { toGoal, toTask } from "./bgm-process.mappers.js";
import * as repo from "./bgm-process.repository.js";

/** Creates the project with the full checklist template; called when a company is created. */
export async function bootstrapProject(scope: TenantScope, currentPhase = 1) {
  const project = await repo.insertProject(scope, currentPhase);
  await repo.insertTasks(
    scope,
    project.id,
    TASK_TEMPLATES.map((t) => ({ taskKey: t.key, phase: t.phase })),
  );
  return project;
}

async function requireProject(scope: TenantScope) {
  const project = await repo.findProject(scope);
  if (!project) throw AppError.notFound("BGM project");
  return project;
}

const templateOrder = new Map<string, number>(TASK_TEMPLATES.map((t, i) => [t.key, i]));

export async function getProject(scope: TenantScope): Promise<Project> {
  const project = await requireProject(scope);
  // Sequential on purpose: a transaction's queries share one connection.
  const rows = await repo.listTasks(scope, project.id);
  const goals = await repo.listGoals(scope);
  const evidence = await listResultEvidence(
    scope,
    "task",
    rows.map((r) => r.task.id),
  );
  const ledger = await requirementProgress(scope);
  const tasks = rows
    .map((r) => toTask(r, evidence, ledger))
    .sort((a, b) => (templateOrder.get(a.key) ?? 99) - (templateOrder.get(b.key) ?? 99));
  return {
    id: project.id,
    currentPhase: project.currentPhase,
    phases: PHASES.map((p) => {
      const inPhase = tasks.filter((t) => t.phase === p.number);
      return { number: p.number, key: p.key, tasksTotal: inPhase.length, tasksDone: inPhase.filter((t) => t.status === "done").length };
    }),
    tasks,
    goals: goals.map(toGoal),
    updatedAt: project.updatedAt.toISOString(),
  };
}

export async function setCurrentPhase(scope: TenantScope, phase: number) {
  const project = await requireProject(scope);
  if (project.currentPhase !== phase) {
    await repo.updateProjectPhase(scope, project.id, phase);
    await scope.audit({
      action: "project.phase_changed",
      entityType: "bgm_project",
      entityId: project.id,
      details: { from: project.currentPhase, to: phase },
    });
    await publish(scope, { type: "project.phase_changed", projectId: project.id, from: project.currentPhase, to: phase });
  }
  return getProject(scope);
}

export async function getTask(scope: TenantScope, key: string) {
  const row = await repo.findTask(scope, key);
  if (!row) throw AppError.notFound("Task");
  const evidence = await listResultEvidence(scope, "task", [row.task.id]);
  const ledger = taskTemplate(key)?.followsLegalRequirement ? await requirementProgress(scope) : [];
  return toTask(row, evidence, ledger);
}

export interface TaskPatch {
  status?: TaskStatus;
  ownerUserId?: string | null;
  dueDate?: string | null;
  notes?: string;
  details?: { agreementDate?: string | null; documentId?: string | null };
}

/**
 * A task that mirrors a legal requirement takes its status from the ledger: repeating that status
 * (a form sends every field) is fine and dropped, changing it is refused with where to go instead.
 */
async function withoutLedgerStatus(scope: TenantScope, key: string, input: TaskPatch): Promise<TaskPatch> {
  const requirementKey = taskTemplate(key)?.followsLegalRequirement;
  if (input.status === undefined || !requirementKey) return input;
  const current = await getTask(scope, key);
  if (input.status !== current.status) {
    throw new AppError(
      "follows_legal_requirement",
      "This task follows the legal requirement; document it there",
      { requirementKey, status: current.status },
      409,
    );
  }
  const { status: _status, ...rest } = input;
  return rest;
}

export async function updateTask(scope: TenantScope, key: string, input: TaskPatch) {
  const row = await repo.findTask(scope, key);
  if (!row) throw AppError.notFound("Task");
  const template = taskTemplate(key);
  const patch = await withoutLedgerStatus(scope, key, input);
  if (patch.details && template?.kind !== "works_council_agreement") {
    throw AppError.unprocessable("This task has no extra details", { allowedFor: ["works_council_agreement"] });
  }
  if (patch.ownerUserId) {
    // An owner must be a member of this organization.
    const [m] = await scope.tx
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, scope.orgId), eq(member.userId, patch.ownerUserId)));
    if (!m) throw AppError.unprocessable("The owner must be a member of your organization", { field: "ownerUserId" });
  }
  const details = patch.details ? { ...row.task.details, ...patch.details } : undefined;
  if (patch.details?.documentId) {
    throw AppError.unprocessable("Upload the document through the document endpoint", { field: "details.documentId" });
  }
  const becomesDone = patch.status === "done" && row.task.status !== "done";
  if (becomesDone && template?.kind === "works_council_agreement") {
    // Insurers want the agreement's date and the signed document before the process starts.
    const d = details ?? row.task.details;
    if (!d.agreementDate || !d.documentId) {
      throw AppError.unprocessable("The works council agreement needs its date and document before it is done", {
        missing: [...(d.agreementDate ? [] : ["agreementDate"]), ...(d.documentId ? [] : ["document"])],
      });
    }
  }
  await repo.updateTask(scope, row.task.id, {
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.ownerUserId !== undefined && { ownerUserId: patch.ownerUserId }),
    ...(patch.dueDate !== undefined && { dueDate: patch.dueDate }),
    ...(patch.notes !== undefined && { notes: patch.notes }),
    ...(details && { details }),
    ...(patch.status !== undefined && { completedAt: patch.status === "done" ? (row.task.completedAt ?? new Date()) : null }),
  });
  await scope.audit({
    action: "task.updated",
    entityType: "bgm_task",
    entityId: row.task.id,
    details: { key, fields: Object.keys(patch), ...(patch.status && { status: patch.status }) },
  });
  return getTask(scope, key);
}

export async function attachTaskDocument(scope: TenantScope, key: string, fileId: string) {
  const row = await repo.findTask(scope, key);
  if (!row) throw AppError.notFound("Task");
  await repo.updateTask(scope, row.task.id, { details: { ...row.task.details, documentId: fileId } });
  await scope.audit({ action: "task.document_attached", entityType: "bgm_task", entityId: row.task.id, details: { key, fileId } });
  return getTask(scope, key);
}

export async function listGoals(scope: TenantScope) {
  return (await repo.listGoals(scope)).map(toGoal);
}

export async function createGoal(scope: TenantScope, input: { title: string; target: string; dueDate: string | null }) {
  const project = await requireProject(scope);
  const row = await repo.insertGoal(scope, { projectId: project.id, ...input });
  await scope.audit({ action: "goal.created", entityType: "goal", entityId: row.id });
  await publish(scope, { type: "goal.created", goalId: row.id });
  return toGoal(row);
}

export async function updateGoal(
  scope: TenantScope,
  id: string,
  patch: { title?: string; target?: string; dueDate?: string | null; status?: "active" | "achieved" | "dropped" },
) {
  const row = await repo.updateGoal(scope, id, patch);
  if (!row) throw AppError.notFound("Goal");
  await scope.audit({ action: "goal.updated", entityType: "goal", entityId: id, details: { fields: Object.keys(patch) } });
  return toGoal(row);
}
