import { intervention, organization, participation, participationSession } from "@bgm/db";
import { Timestamp } from "@bgm/domain";
import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { after, millis, orderBy, type SortKey } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";

// Every query names the organization as well as row-level security does: two walls.

type Scope = Pick<TenantScope, "tx" | "orgId">;
export type InterventionRow = typeof intervention.$inferSelect;
export type InterventionStatus = InterventionRow["status"];
export type InterventionWithProvider = InterventionRow & { providerName: string | null };

const withProvider = { ...getTableColumns(intervention), providerName: organization.name };

export async function insertIntervention(s: Scope, values: Omit<typeof intervention.$inferInsert, "orgId">): Promise<InterventionRow> {
  const [row] = await s.tx
    .insert(intervention)
    .values({ ...values, orgId: s.orgId })
    .returning();
  if (!row) throw new Error("intervention insert returned nothing");
  return row;
}

/** One intervention of the company; `lock` takes its row for the rest of the transaction. */
export async function findIntervention(s: Scope, id: string, opts: { lock?: boolean } = {}): Promise<InterventionWithProvider | null> {
  const q = s.tx
    .select(withProvider)
    .from(intervention)
    .leftJoin(organization, eq(organization.id, intervention.providerOrgId))
    .where(and(eq(intervention.orgId, s.orgId), eq(intervention.id, id)));
  const [row] = opts.lock ? await q.for("update", { of: intervention }) : await q;
  return row ?? null;
}

export async function findByPlanned(s: Scope, plannedInterventionId: string): Promise<{ id: string } | null> {
  const [row] = await s.tx
    .select({ id: intervention.id })
    .from(intervention)
    .where(and(eq(intervention.orgId, s.orgId), eq(intervention.plannedInterventionId, plannedInterventionId)))
    .limit(1);
  return row ?? null;
}

export async function updateIntervention(
  s: Scope,
  id: string,
  patch: Partial<Omit<typeof intervention.$inferInsert, "id" | "orgId">>,
): Promise<InterventionRow | null> {
  const [row] = await s.tx
    .update(intervention)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(intervention.orgId, s.orgId), eq(intervention.id, id)))
    .returning();
  return row ?? null;
}

/** Newest first; new interventions land on top and never shift the pages still to come. */
const NEWEST_FIRST: SortKey[] = [
  { expr: millis(intervention.createdAt), desc: true, cast: "timestamptz" },
  { expr: intervention.id, desc: true, cast: "uuid" },
];
export const InterventionCursor = z.tuple([Timestamp, z.uuid()]);
export const interventionCursorKey = (r: { createdAt: Date; id: string }) => [r.createdAt.toISOString(), r.id] as const;

const live = sql`${participationSession.status} = 'scheduled'`;

/** Totals over the intervention's sessions that are not cancelled, in the list's one query. */
const summaryColumns = {
  sessionCount: sql<number>`(select count(*)::int from ${participationSession} where ${participationSession.interventionId} = ${intervention.id} and ${live})`,
  nextSessionStartsAt: sql<
    string | null
  >`(select min(${participationSession.startsAt}) from ${participationSession} where ${participationSession.interventionId} = ${intervention.id} and ${live} and ${participationSession.startsAt} > now())`,
  registered: sql<number>`(select count(*)::int from ${participation} p join ${participationSession} on ${participationSession.id} = p.session_id where ${participationSession.interventionId} = ${intervention.id} and ${live} and p.status in ('registered','attended','no_show'))`,
  waitlisted: sql<number>`(select count(*)::int from ${participation} p join ${participationSession} on ${participationSession.id} = p.session_id where ${participationSession.interventionId} = ${intervention.id} and ${live} and p.status = 'waitlisted')`,
  attended: sql<number>`(select count(*)::int from ${participation} p join ${participationSession} on ${participationSession.id} = p.session_id where ${participationSession.interventionId} = ${intervention.id} and ${live} and p.status = 'attended')`,
  noShow: sql<number>`(select count(*)::int from ${participation} p join ${participationSession} on ${participationSession.id} = p.session_id where ${participationSession.interventionId} = ${intervention.id} and ${live} and p.status = 'no_show')`,
};

export type ListedIntervention = InterventionWithProvider & {
  sessionCount: number;
  nextSessionStartsAt: string | Date | null;
  registered: number;
  waitlisted: number;
  attended: number;
  noShow: number;
};

export async function listInterventions(
  s: Scope,
  filter: { status?: InterventionStatus },
  page: { after: z.output<typeof InterventionCursor> | undefined; limit: number },
): Promise<ListedIntervention[]> {
  const conditions: (SQL | undefined)[] = [eq(intervention.orgId, s.orgId)];
  if (filter.status) conditions.push(eq(intervention.status, filter.status));
  return s.tx
    .select({ ...withProvider, ...summaryColumns })
    .from(intervention)
    .leftJoin(organization, eq(organization.id, intervention.providerOrgId))
    .where(and(...conditions, after(NEWEST_FIRST, page.after)))
    .orderBy(...orderBy(NEWEST_FIRST))
    .limit(page.limit + 1);
}

/** Open interventions with a scheduled session still ahead: what employees may register for. */
export async function listOpenWithFutureSessions(s: Scope, now: Date): Promise<InterventionWithProvider[]> {
  return s.tx
    .select(withProvider)
    .from(intervention)
    .leftJoin(organization, eq(organization.id, intervention.providerOrgId))
    .where(
      and(
        eq(intervention.orgId, s.orgId),
        eq(intervention.status, "open"),
        sql`exists (select 1 from ${participationSession} where ${participationSession.interventionId} = ${intervention.id} and ${live} and ${participationSession.startsAt} > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(intervention.title, intervention.id);
}
