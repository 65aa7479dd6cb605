import type { InterventionPlan, ResultSource } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { addResultEvidence, hasOtherResultEvidence, removeResultEvidence } from "../result-evidence/index.js";
import * as repo from "./bgm-process.repository.js";
import { getTask, updateTask } from "./bgm-process.service.js";

/*
 * What accepted partner results contribute to the BGM process (a task done, KPI figures, proposed
 * interventions) and how each is taken out again, exactly, when the result is withdrawn or superseded.
 */

export interface TaskUndo {
  taskKey: string;
  previousStatus: "open" | "in_progress" | "done";
  /** When this result completed the task (null if it was done already). */
  completedAt?: string | null;
}

/** Marks the task done with the result as its evidence; remembers the status it had. */
export async function completeTaskWithResult(
  scope: TenantScope,
  taskKey: string,
  r: { resultId: string; label: string; source: ResultSource },
): Promise<TaskUndo> {
  await repo.lockTask(scope, taskKey);
  const task = await getTask(scope, taskKey);
  await addResultEvidence(scope, { resultId: r.resultId, targetType: "task", targetId: task.id, label: r.label, source: r.source });
  if (task.status === "done") return { taskKey, previousStatus: task.status };
  const done = await updateTask(scope, taskKey, { status: "done" });
  return { taskKey, previousStatus: task.status, completedAt: done.completedAt };
}

export async function withdrawTaskResult(scope: TenantScope, resultId: string, undo: TaskUndo): Promise<void> {
  await repo.lockTask(scope, undo.taskKey);
  const task = await getTask(scope, undo.taskKey);
  await removeResultEvidence(scope, resultId);
  const stillDocumented = await hasOtherResultEvidence(scope, "task", task.id, resultId);
  // Only while the task is as this result left it: a manager who reopened and closed it decided themselves.
  const untouched = task.status === "done" && undo.completedAt !== undefined && task.completedAt === undo.completedAt;
  if (undo.previousStatus !== "done" && untouched && !stillDocumented) {
    await updateTask(scope, undo.taskKey, { status: undo.previousStatus });
  }
}

export interface KpiPoint {
  resultId: string;
  /** Period start, for ordering the trend. */
  sortKey: string;
  label: string;
  value: number;
  detail: Record<string, unknown>;
  source: ResultSource;
}

interface KpiSeriesData {
  points: KpiPoint[];
}

const pointsOf = (data: Record<string, unknown> | undefined): KpiPoint[] =>
  Array.isArray((data as KpiSeriesData | undefined)?.points) ? (data as unknown as KpiSeriesData).points : [];

/** Adds (or replaces) one period's value on a custom KPI card; the card shows the latest value and the trend. */
export async function recordKpiPoint(
  scope: TenantScope,
  card: { cardKey: string; title: { de: string; en: string }; unit: string | null },
  point: KpiPoint,
): Promise<void> {
  const existing = await repo.findKpiCard(scope, card.cardKey);
  const points = [...pointsOf(existing?.data).filter((p) => p.resultId !== point.resultId && p.sortKey !== point.sortKey), point].sort(
    (a, b) => a.sortKey.localeCompare(b.sortKey),
  );
  const latest = points[points.length - 1];
  await repo.upsertKpiCard(scope, {
    cardKey: card.cardKey,
    titleDe: card.title.de,
    titleEn: card.title.en,
    value: latest ? latest.value : null,
    unit: card.unit,
    data: { points } as unknown as Record<string, unknown>,
    source: "partner_result",
  });
  await scope.audit({ action: "kpi.point_recorded", entityType: "kpi_card", details: { cardKey: card.cardKey, resultId: point.resultId } });
}

/** Removes a result's value from the card; a card left without values disappears. */
export async function withdrawKpiPoint(scope: TenantScope, cardKey: string, resultId: string): Promise<void> {
  const existing = await repo.findKpiCard(scope, cardKey);
  if (!existing) return;
  const points = pointsOf(existing.data).filter((p) => p.resultId !== resultId);
  if (points.length === 0) {
    await repo.deleteKpiCard(scope, cardKey);
  } else {
    const latest = points[points.length - 1];
    await repo.upsertKpiCard(scope, {
      cardKey,
      titleDe: existing.titleDe,
      titleEn: existing.titleEn,
      value: latest ? latest.value : null,
      unit: existing.unit,
      data: { points } as unknown as Record<string, unknown>,
      source: existing.source,
    });
  }
  await scope.audit({ action: "kpi.point_withdrawn", entityType: "kpi_card", details: { cardKey, resultId } });
}

/** The counts behind a rate, when the point's detail has them (participation stats do). */
function countsOf(p: KpiPoint): { registered: number; attended: number } | null {
  const { registeredCount, attendedCount } = p.detail;
  return typeof registeredCount === "number" && typeof attendedCount === "number"
    ? { registered: registeredCount, attended: attendedCount }
    : null;
}

/** The card's trend, the counts behind its latest value and its sources for the dashboard; values exact, never rounded. */
export function kpiSeries(data: Record<string, unknown>) {
  const points = pointsOf(data);
  const latest = points[points.length - 1];
  return {
    trend: points.map((p) => ({ label: p.label, value: p.value, counts: countsOf(p) })),
    counts: latest ? countsOf(latest) : null,
    sources: points.map((p) => p.source),
  };
}

/** Puts a plan's interventions into phase 3 as proposals, each linked to the goal of the same title if there is one. */
export async function proposeInterventions(
  scope: TenantScope,
  r: { resultId: string; source: ResultSource; plan: InterventionPlan },
): Promise<number> {
  const goals = await repo.listGoals(scope);
  const byTitle = new Map(goals.map((g) => [g.title.trim().toLowerCase(), g.id]));
  await repo.insertInterventions(
    scope,
    r.plan.interventions.map((i, position) => ({
      sourceResultId: r.resultId,
      source: r.source as unknown as Record<string, unknown>,
      position,
      title: i.title,
      description: i.description,
      category: i.category,
      targetGroup: i.targetGroup,
      schedule: i.schedule,
      costEstimateCents: i.costEstimateCents,
      goalId: i.goal ? (byTitle.get(i.goal.trim().toLowerCase()) ?? null) : null,
      proposedGoal: i.goal?.trim() || null,
    })),
  );
  await scope.audit({
    action: "planning.interventions_proposed",
    entityType: "planned_intervention",
    details: { resultId: r.resultId, count: r.plan.interventions.length },
  });
  return r.plan.interventions.length;
}

export async function withdrawInterventions(scope: TenantScope, resultId: string): Promise<void> {
  const { removed, kept } = await repo.withdrawInterventionsOf(scope, resultId, new Date());
  await scope.audit({
    action: "planning.interventions_withdrawn",
    entityType: "planned_intervention",
    details: { resultId, removed, kept },
  });
}
