import type { TenantScope } from "../../lib/request-context.js";
import { requirementProgress } from "../legal/index.js";
import { toTask } from "./bgm-process.mappers.js";
import * as repo from "./bgm-process.repository.js";

/**
 * The checklist tasks not done whose due date is on or before `until` (overdue ones included), with the
 * status a mirrored task takes from its legal ledger: a risk assessment the ledger calls done is not due.
 */
export async function tasksDueBy(scope: TenantScope, until: string): Promise<{ key: string; phase: number; dueDate: string }[]> {
  const project = await repo.findProject(scope);
  if (!project) return [];
  const rows = (await repo.listTasks(scope, project.id)).filter((r) => r.task.dueDate !== null && r.task.dueDate <= until);
  if (rows.length === 0) return [];
  const ledger = await requirementProgress(scope);
  return rows
    .map((r) => toTask(r, [], ledger))
    .filter((t) => t.status !== "done")
    .map((t) => ({ key: t.key, phase: t.phase, dueDate: t.dueDate as string }));
}
