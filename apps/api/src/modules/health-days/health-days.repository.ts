import { healthDay, healthDayModule, member, organization, user } from "@bgm/db";
import { IsoDate } from "@bgm/domain";
import { and, asc, count, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { after, orderBy, type SortKey } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";

// Every query names the organization as well as row-level security does: two walls.

type Scope = Pick<TenantScope, "tx" | "orgId">;
export type HealthDayRow = typeof healthDay.$inferSelect;
export type HealthDayStatusValue = HealthDayRow["status"];
export type ModuleRow = typeof healthDayModule.$inferSelect;
export type HealthDayWithNames = HealthDayRow & { responsibleName: string | null };
export type ModuleWithProvider = ModuleRow & { providerName: string };

const withResponsible = { ...getTableColumns(healthDay), responsibleName: user.name };

export async function insertHealthDay(s: Scope, values: Omit<typeof healthDay.$inferInsert, "orgId">): Promise<HealthDayRow> {
  const [row] = await s.tx
    .insert(healthDay)
    .values({ ...values, orgId: s.orgId })
    .returning();
  if (!row) throw new Error("health_day insert returned nothing");
  return row;
}

/** One health day of the company; `lock` takes its row for the rest of the transaction. */
export async function findHealthDay(s: Scope, id: string, opts: { lock?: boolean } = {}): Promise<HealthDayWithNames | null> {
  const q = s.tx
    .select(withResponsible)
    .from(healthDay)
    .leftJoin(user, eq(user.id, healthDay.responsibleUserId))
    .where(and(eq(healthDay.orgId, s.orgId), eq(healthDay.id, id)));
  const [row] = opts.lock ? await q.for("update", { of: healthDay }) : await q;
  return row ?? null;
}

export async function updateHealthDay(
  s: Scope,
  id: string,
  patch: Partial<Omit<typeof healthDay.$inferInsert, "id" | "orgId">>,
): Promise<HealthDayRow | null> {
  const [row] = await s.tx
    .update(healthDay)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(healthDay.orgId, s.orgId), eq(healthDay.id, id)))
    .returning();
  return row ?? null;
}

/** Latest day first; new ones further ahead land on top. */
const LATEST_FIRST: SortKey[] = [
  // No cast: the bare parameter takes the column's type (date); a text cast would not compare with it.
  { expr: healthDay.startsOn, desc: true },
  { expr: healthDay.id, desc: true, cast: "uuid" },
];
export const HealthDayCursor = z.tuple([IsoDate, z.uuid()]);
export const healthDayCursorKey = (r: HealthDayRow) => [r.startsOn, r.id] as const;

export async function listHealthDays(
  s: Scope,
  filter: { status?: HealthDayStatusValue; statuses?: readonly HealthDayStatusValue[] },
  page: { after: z.output<typeof HealthDayCursor> | undefined; limit: number },
): Promise<(HealthDayWithNames & { moduleCount: number })[]> {
  const moduleCount = s.tx
    .select({ healthDayId: healthDayModule.healthDayId, n: count().as("n") })
    .from(healthDayModule)
    .where(eq(healthDayModule.orgId, s.orgId))
    .groupBy(healthDayModule.healthDayId)
    .as("module_count");
  const conditions: (SQL | undefined)[] = [
    eq(healthDay.orgId, s.orgId),
    filter.status ? eq(healthDay.status, filter.status) : undefined,
    filter.statuses ? inArray(healthDay.status, [...filter.statuses]) : undefined,
    after(LATEST_FIRST, page.after),
  ];
  const rows = await s.tx
    .select({ ...withResponsible, moduleCount: moduleCount.n })
    .from(healthDay)
    .leftJoin(user, eq(user.id, healthDay.responsibleUserId))
    .leftJoin(moduleCount, eq(moduleCount.healthDayId, healthDay.id))
    .where(and(...conditions))
    .orderBy(...orderBy(LATEST_FIRST))
    .limit(page.limit + 1);
  return rows.map((r) => ({ ...r, moduleCount: Number(r.moduleCount ?? 0) }));
}

/** Is the user a member of the company (the only people who can be responsible for its day)? */
export async function isMember(s: Scope, userId: string): Promise<boolean> {
  const [row] = await s.tx
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, s.orgId), eq(member.userId, userId)))
    .limit(1);
  return row !== undefined;
}

export async function insertModule(s: Scope, values: Omit<typeof healthDayModule.$inferInsert, "orgId">): Promise<ModuleRow> {
  const [row] = await s.tx
    .insert(healthDayModule)
    .values({ ...values, orgId: s.orgId })
    .returning();
  if (!row) throw new Error("health_day_module insert returned nothing");
  return row;
}

const moduleWithProvider = { ...getTableColumns(healthDayModule), providerName: organization.name };

export async function listModules(s: Scope, healthDayIds: readonly string[]): Promise<ModuleWithProvider[]> {
  if (healthDayIds.length === 0) return [];
  return s.tx
    .select(moduleWithProvider)
    .from(healthDayModule)
    .innerJoin(organization, eq(organization.id, healthDayModule.providerOrgId))
    .where(and(eq(healthDayModule.orgId, s.orgId), inArray(healthDayModule.healthDayId, [...healthDayIds])))
    .orderBy(asc(healthDayModule.createdAt), asc(healthDayModule.id));
}

export async function findModule(s: Scope, healthDayId: string, moduleId: string): Promise<ModuleWithProvider | null> {
  const [row] = await s.tx
    .select(moduleWithProvider)
    .from(healthDayModule)
    .innerJoin(organization, eq(organization.id, healthDayModule.providerOrgId))
    .where(and(eq(healthDayModule.orgId, s.orgId), eq(healthDayModule.healthDayId, healthDayId), eq(healthDayModule.id, moduleId)));
  return row ?? null;
}

export async function touchModule(s: Scope, id: string): Promise<void> {
  await s.tx
    .update(healthDayModule)
    .set({ updatedAt: new Date() })
    .where(and(eq(healthDayModule.orgId, s.orgId), eq(healthDayModule.id, id)));
}

/** The parents of slots: per station, its title, its day's title and status. */
export async function slotParents(
  s: Scope,
  moduleIds: readonly string[],
): Promise<
  { moduleId: string; moduleTitle: string; notes: string; healthDayId: string; dayTitle: string; dayStatus: HealthDayStatusValue }[]
> {
  if (moduleIds.length === 0) return [];
  return s.tx
    .select({
      moduleId: healthDayModule.id,
      moduleTitle: healthDayModule.title,
      notes: healthDayModule.notes,
      healthDayId: healthDay.id,
      dayTitle: healthDay.title,
      dayStatus: healthDay.status,
    })
    .from(healthDayModule)
    .innerJoin(healthDay, eq(healthDay.id, healthDayModule.healthDayId))
    .where(and(eq(healthDayModule.orgId, s.orgId), inArray(healthDayModule.id, [...moduleIds])));
}

/** The company's day handed to the planner of this engagement (full-service mode); `lock` takes its row. */
export async function findHealthDayOfPlanner(
  s: Scope,
  plannerEngagementId: string,
  opts: { lock?: boolean } = {},
): Promise<HealthDayWithNames | null> {
  const q = s.tx
    .select(withResponsible)
    .from(healthDay)
    .leftJoin(user, eq(user.id, healthDay.responsibleUserId))
    .where(and(eq(healthDay.orgId, s.orgId), eq(healthDay.plannerEngagementId, plannerEngagementId)));
  const [row] = opts.lock ? await q.for("update", { of: healthDay }) : await q;
  return row ?? null;
}

/** The days (with their station counts) handed to any of these planner engagements. */
export async function listHealthDaysOfPlanner(
  s: Scope,
  plannerEngagementIds: readonly string[],
): Promise<(HealthDayWithNames & { moduleCount: number })[]> {
  if (plannerEngagementIds.length === 0) return [];
  const rows = await s.tx
    .select({
      ...withResponsible,
      moduleCount: sql<number>`(select count(*) from ${healthDayModule} where ${healthDayModule.healthDayId} = ${healthDay.id})`,
    })
    .from(healthDay)
    .leftJoin(user, eq(user.id, healthDay.responsibleUserId))
    .where(and(eq(healthDay.orgId, s.orgId), inArray(healthDay.plannerEngagementId, [...plannerEngagementIds])));
  return rows.map((r) => ({ ...r, moduleCount: Number(r.moduleCount) }));
}

export async function setModuleApproval(
  s: Scope,
  ids: readonly string[],
  approval: ModuleRow["approval"],
  by: { userId: string; at: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await s.tx
    .update(healthDayModule)
    .set({ approval, approvedAt: by.at, approvedBy: by.userId, updatedAt: by.at })
    .where(and(eq(healthDayModule.orgId, s.orgId), inArray(healthDayModule.id, [...ids])));
}
