import type { bgmTask, goal } from "@bgm/db";
import { type Goal, type ResultSource, type Task, taskStatusFromLedger, taskTemplate } from "@bgm/domain";

/** A legal requirement's state as far as a task mirroring it needs it. */
export interface LedgerState {
  key: string;
  status: "open" | "done";
  completedAt: string | null;
  started: boolean;
}

export function toTask(
  row: { task: typeof bgmTask.$inferSelect; ownerName: string | null },
  results: readonly { targetId: string; label: string; source: ResultSource }[] = [],
  ledger: readonly LedgerState[] = [],
): Task {
  const t = row.task;
  const follows = taskTemplate(t.taskKey)?.followsLegalRequirement ?? null;
  const mirrored = follows ? ledger.find((r) => r.key === follows) : undefined;
  return {
    id: t.id,
    key: t.taskKey,
    phase: t.phase,
    kind: taskTemplate(t.taskKey)?.kind ?? "standard",
    // The ledger decides; the task's own column is not read for such a task.
    status: taskStatusFromLedger(t.status, mirrored),
    ownerUserId: t.ownerUserId,
    ownerName: row.ownerName,
    dueDate: t.dueDate,
    notes: t.notes,
    details: t.details,
    results: results.filter((r) => r.targetId === t.id).map((r) => ({ label: r.label, source: r.source })),
    followsLegalRequirement: follows,
    completedAt: mirrored ? mirrored.completedAt : (t.completedAt?.toISOString() ?? null),
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
