import type { bgmTask, goal } from "@bgm/db";
import { type Goal, type ResultSource, type Task, taskTemplate } from "@bgm/domain";

export function toTask(
  row: { task: typeof bgmTask.$inferSelect; ownerName: string | null },
  results: readonly { targetId: string; label: string; source: ResultSource }[] = [],
): Task {
  const t = row.task;
  return {
    id: t.id,
    key: t.taskKey,
    phase: t.phase,
    kind: taskTemplate(t.taskKey)?.kind ?? "standard",
    status: t.status,
    ownerUserId: t.ownerUserId,
    ownerName: row.ownerName,
    dueDate: t.dueDate,
    notes: t.notes,
    details: t.details,
    results: results.filter((r) => r.targetId === t.id).map((r) => ({ label: r.label, source: r.source })),
    completedAt: t.completedAt?.toISOString() ?? null,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toGoal(g: typeof goal.$inferSelect): Goal {
  return {
    id: g.id,
    title: g.title,
    target: g.target,
    dueDate: g.dueDate,
    status: g.status,
    createdAt: g.createdAt.toISOString(),
  };
}
