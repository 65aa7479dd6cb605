import { bgmProject, bgmTask, goal, kpiCard, plannedIntervention, user } from "@bgm/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { prebuiltQuery } from "../../lib/prebuilt-query.js";
import type { TenantScope } from "../../lib/request-context.js";

type Scope = Pick<TenantScope, "tx" | "orgId">;

const orgId = sql.placeholder("orgId");
const projectId = sql.placeholder("projectId");

// The reads of GET /api/project, the most requested page of a company, built once (lib/prebuilt-query.ts).
export const findProjectQuery = prebuiltQuery("bgm_find_project", (q) => q.select().from(bgmProject).where(eq(bgmProject.orgId, orgId)));
export const listTasksQuery = prebuiltQuery("bgm_list_tasks", (q) =>
  q
    .select({ task: bgmTask, ownerName: user.name })
    .from(bgmTask)
    .leftJoin(user, eq(user.id, bgmTask.ownerUserId))
    .where(and(eq(bgmTask.orgId, orgId), eq(bgmTask.projectId, projectId)))
    .orderBy(asc(bgmTask.phase)),
);
export const listGoalsQuery = prebuiltQuery("bgm_list_goals", (q) =>
  q.select().from(goal).where(eq(goal.orgId, orgId)).orderBy(asc(goal.createdAt)),
);

export async function findProject(s: Scope) {
  const [row] = await findProjectQuery(s.tx, { orgId: s.orgId });
  return row ?? null;
}

export async function insertProject(s: Scope, currentPhase = 1) {
  const [row] = await s.tx.insert(bgmProject).values({ orgId: s.orgId, currentPhase }).returning();
  if (!row) throw new Error("project insert returned nothing");
  return row;
}

export async function updateProjectPhase(s: Scope, projectId: string, currentPhase: number) {
  await s.tx
    .update(bgmProject)
    .set({ currentPhase, updatedAt: new Date() })
    .where(and(eq(bgmProject.id, projectId), eq(bgmProject.orgId, s.orgId)));
}

export async function insertTasks(s: Scope, projectId: string, tasks: { taskKey: string; phase: number }[]) {
  if (tasks.length === 0) return;
  await s.tx.insert(bgmTask).values(tasks.map((t) => ({ ...t, orgId: s.orgId, projectId })));
}

const taskColumns = {
  task: bgmTask,
  ownerName: user.name,
};

export async function listTasks(s: Scope, projectId: string) {
  return listTasksQuery(s.tx, { orgId: s.orgId, projectId });
}

export async function findTask(s: Scope, taskKey: string) {
  const [row] = await s.tx
    .select(taskColumns)
    .from(bgmTask)
    .leftJoin(user, eq(user.id, bgmTask.ownerUserId))
    .where(and(eq(bgmTask.orgId, s.orgId), eq(bgmTask.taskKey, taskKey)));
  return row ?? null;
}

export async function updateTask(s: Scope, taskId: string, patch: Partial<typeof bgmTask.$inferInsert>) {
  await s.tx
    .update(bgmTask)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(bgmTask.id, taskId), eq(bgmTask.orgId, s.orgId)));
}

export async function listGoals(s: Scope) {
  return listGoalsQuery(s.tx, { orgId: s.orgId });
}

/** The goals the company is pursuing (status active), oldest first: what a partner granted "goals" receives. */
export async function listActiveGoals(s: Scope): Promise<{ title: string; target: string; dueDate: string | null }[]> {
  return s.tx
    .select({ title: goal.title, target: goal.target, dueDate: goal.dueDate })
    .from(goal)
    .where(and(eq(goal.orgId, s.orgId), eq(goal.status, "active")))
    .orderBy(asc(goal.createdAt), asc(goal.id));
}

export async function insertGoal(s: Scope, values: Omit<typeof goal.$inferInsert, "orgId">) {
  const [row] = await s.tx
    .insert(goal)
    .values({ ...values, orgId: s.orgId })
    .returning();
  if (!row) throw new Error("goal insert returned nothing");
  return row;
}

export async function updateGoal(s: Scope, id: string, patch: Partial<typeof goal.$inferInsert>) {
  const [row] = await s.tx
    .update(goal)
    .set(patch)
    .where(and(eq(goal.id, id), eq(goal.orgId, s.orgId)))
    .returning();
  return row ?? null;
}

export async function listCustomKpiCards(s: Scope) {
  return s.tx.select().from(kpiCard).where(eq(kpiCard.orgId, s.orgId)).orderBy(asc(kpiCard.createdAt));
}

export async function findKpiCard(s: Scope, cardKey: string) {
  const [row] = await s.tx
    .select()
    .from(kpiCard)
    .where(and(eq(kpiCard.orgId, s.orgId), eq(kpiCard.cardKey, cardKey)))
    .for("update");
  return row;
}

export async function upsertKpiCard(s: Scope, values: Omit<typeof kpiCard.$inferInsert, "orgId">) {
  await s.tx
    .insert(kpiCard)
    .values({ ...values, orgId: s.orgId })
    .onConflictDoUpdate({
      target: [kpiCard.orgId, kpiCard.cardKey],
      set: {
        titleDe: values.titleDe,
        titleEn: values.titleEn,
        value: values.value,
        unit: values.unit,
        data: values.data,
        source: values.source,
      },
    });
}

export async function deleteKpiCard(s: Scope, cardKey: string) {
  await s.tx.delete(kpiCard).where(and(eq(kpiCard.orgId, s.orgId), eq(kpiCard.cardKey, cardKey)));
}

export async function listInterventions(s: Scope) {
  return s.tx
    .select({ intervention: plannedIntervention, goalTitle: goal.title })
    .from(plannedIntervention)
    .leftJoin(goal, and(eq(goal.id, plannedIntervention.goalId), eq(goal.orgId, s.orgId)))
    .where(eq(plannedIntervention.orgId, s.orgId))
    .orderBy(asc(plannedIntervention.createdAt), asc(plannedIntervention.position));
}

export async function insertInterventions(s: Scope, rows: Omit<typeof plannedIntervention.$inferInsert, "orgId">[]) {
  if (rows.length === 0) return;
  await s.tx.insert(plannedIntervention).values(rows.map((r) => ({ ...r, orgId: s.orgId })));
}

export async function findIntervention(s: Scope, id: string) {
  const [row] = await s.tx
    .select()
    .from(plannedIntervention)
    .where(and(eq(plannedIntervention.orgId, s.orgId), eq(plannedIntervention.id, id)))
    .for("update");
  return row;
}

export async function updateIntervention(s: Scope, id: string, patch: Partial<typeof plannedIntervention.$inferInsert>) {
  await s.tx
    .update(plannedIntervention)
    .set(patch)
    .where(and(eq(plannedIntervention.orgId, s.orgId), eq(plannedIntervention.id, id)));
}

/** Proposals of a result that nobody adopted go with the result; adopted ones stay in the plan, without the link. */
export async function withdrawInterventionsOf(s: Scope, resultId: string, withdrawnAt: Date) {
  const removed = await s.tx
    .delete(plannedIntervention)
    .where(
      and(
        eq(plannedIntervention.orgId, s.orgId),
        eq(plannedIntervention.sourceResultId, resultId),
        inArray(plannedIntervention.status, ["proposed", "dismissed"]),
      ),
    )
    .returning({ id: plannedIntervention.id });
  // Adopted ones are the company's plan now: they stay, and their source says it was withdrawn.
  const kept = await s.tx
    .update(plannedIntervention)
    .set({
      sourceResultId: null,
      source: sql`${plannedIntervention.source} || jsonb_build_object('withdrawnAt', ${withdrawnAt.toISOString()}::text)`,
    })
    .where(and(eq(plannedIntervention.orgId, s.orgId), eq(plannedIntervention.sourceResultId, resultId)))
    .returning({ id: plannedIntervention.id });
  return { removed: removed.length, kept: kept.length };
}

/** Serialises changes of one task (e.g. two results landing at once). */
export async function lockTask(s: Scope, taskKey: string) {
  await s.tx
    .select({ id: bgmTask.id })
    .from(bgmTask)
    .where(and(eq(bgmTask.orgId, s.orgId), eq(bgmTask.taskKey, taskKey)))
    .for("update");
}
