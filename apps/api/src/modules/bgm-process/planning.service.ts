import type { ResultSource } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import * as repo from "./bgm-process.repository.js";

/** Phase 3 Planning: interventions proposed by partners, adopted into the plan (or dismissed) one by one. */

type Row = Awaited<ReturnType<typeof repo.listInterventions>>[number];

/**
 * A later plan often proposes again what the company adopted from an earlier one. Same title and
 * category (ignoring case and spacing) is the same intervention: the proposal points at the adopted
 * one instead of offering it a second time.
 */
const sameness = (i: { title: string; category: string }) =>
  `${i.category.trim().toLowerCase()}\u0000${i.title.trim().toLowerCase().replace(/\s+/g, " ")}`;

function adoptedByKey(rows: readonly Row[]): Map<string, string> {
  const adopted = new Map<string, string>();
  for (const { intervention: i } of rows) {
    if (i.status === "adopted" && !adopted.has(sameness(i))) adopted.set(sameness(i), i.id);
  }
  return adopted;
}

function toIntervention({ intervention: i, goalTitle }: Row, adopted: Map<string, string>) {
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    category: i.category,
    targetGroup: i.targetGroup,
    schedule: i.schedule,
    costEstimateCents: i.costEstimateCents,
    goalId: i.goalId,
    goalTitle: goalTitle ?? null,
    proposedGoal: i.proposedGoal,
    status: i.status as "proposed" | "adopted" | "dismissed",
    decidedAt: i.decidedAt?.toISOString() ?? null,
    source: (i.source as ResultSource | null) ?? null,
    alreadyInPlanId: i.status === "proposed" ? (adopted.get(sameness(i)) ?? null) : null,
  };
}

function assertCompany(scope: TenantScope) {
  if (scope.orgKind !== "company") throw AppError.forbidden("Only companies plan interventions");
}

export async function listInterventions(scope: TenantScope) {
  assertCompany(scope);
  const rows = await repo.listInterventions(scope);
  const adopted = adoptedByKey(rows);
  return { items: rows.map((r) => toIntervention(r, adopted)), nextCursor: null };
}

async function loadOne(scope: TenantScope, id: string) {
  const rows = await repo.listInterventions(scope);
  const row = rows.find((r) => r.intervention.id === id);
  if (!row) throw AppError.notFound("Intervention");
  return toIntervention(row, adoptedByKey(rows));
}

/** Adopting is idempotent: adopting an adopted intervention again only updates its goal. */
export async function adoptIntervention(scope: TenantScope, id: string, input: { goalId?: string | null }) {
  assertCompany(scope);
  const row = await repo.findIntervention(scope, id);
  if (!row) throw AppError.notFound("Intervention");
  if (input.goalId) {
    const goals = await repo.listGoals(scope);
    if (!goals.some((g) => g.id === input.goalId)) throw AppError.unprocessable("Unknown goal", { field: "goalId" });
  }
  if (row.status === "proposed") {
    const inPlan = (await loadOne(scope, id)).alreadyInPlanId;
    if (inPlan) {
      throw new AppError("already_in_plan", "This intervention is already in your plan", { interventionId: inPlan }, 409);
    }
  }
  const goalId = input.goalId === undefined ? row.goalId : input.goalId;
  if (row.status === "adopted" && goalId === row.goalId) return loadOne(scope, id);
  await repo.updateIntervention(scope, id, { status: "adopted", goalId, decidedBy: scope.userId, decidedAt: new Date() });
  await scope.audit({ action: "planning.intervention_adopted", entityType: "planned_intervention", entityId: id, details: { goalId } });
  return loadOne(scope, id);
}

export async function dismissIntervention(scope: TenantScope, id: string) {
  assertCompany(scope);
  const row = await repo.findIntervention(scope, id);
  if (!row) throw AppError.notFound("Intervention");
  if (row.status === "adopted") {
    throw new AppError("invalid_state", "An adopted intervention is part of the plan; it cannot be dismissed", { status: row.status }, 409);
  }
  if (row.status !== "dismissed") {
    await repo.updateIntervention(scope, id, { status: "dismissed", decidedBy: scope.userId, decidedAt: new Date() });
    await scope.audit({ action: "planning.intervention_dismissed", entityType: "planned_intervention", entityId: id });
  }
  return loadOne(scope, id);
}
