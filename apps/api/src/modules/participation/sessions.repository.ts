import { type Database, intervention, participation, participationSession, type Tx, user } from "@bgm/db";
import { PLACE_HOLDING_STATUSES, Timestamp } from "@bgm/domain";
import { and, asc, eq, getTableColumns, gte, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { after, millis, orderBy, type SortKey } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";

// Sessions and the places in them. Every query names the organization as well as RLS does.

type Scope = Pick<TenantScope, "tx" | "orgId">;
export type SessionRow = typeof participationSession.$inferSelect;
export type PlaceRow = typeof participation.$inferSelect;

/** A session with what its parent contributes to the rules and to mails (title, whether it is open). */
export type SlotRow = SessionRow & { title: string; description: string; parentStatus: string; station?: SlotParent };

/** What a health-day station tells about its time slot: the slot's title and description, and the day's status. */
export interface SlotParent {
  title: string;
  description: string;
  /** The health day's status; registration needs `registration_open`. */
  status: string;
  /** The day and the station, so that answers about a slot can name them instead of an intervention. */
  healthDayId?: string;
  dayTitle?: string;
  stationTitle?: string;
}

/**
 * Reads the parents of health-day slots, by station id. The health-days module owns those tables and
 * registers this at start-up (participation does not import it: health-days is built on participation).
 */
export type SlotParentSource = (s: Scope, healthDayModuleIds: readonly string[]) => Promise<Map<string, SlotParent>>;
let healthDaySlotParents: SlotParentSource | null = null;
export function registerSlotParentSource(source: SlotParentSource): void {
  healthDaySlotParents = source;
}

// The intervention is left-joined: a health-day slot has none, its parent comes from the source above.
const slotColumns = {
  ...getTableColumns(participationSession),
  interventionTitle: intervention.title,
  interventionDescription: intervention.description,
  interventionStatus: intervention.status,
};
type SlotQueryRow = SessionRow & {
  interventionTitle: string | null;
  interventionDescription: string | null;
  interventionStatus: string | null;
};

async function withParent(s: Scope, row: SlotQueryRow | undefined): Promise<SlotRow | null> {
  if (!row) return null;
  const { interventionTitle, interventionDescription, interventionStatus, ...session } = row;
  if (session.interventionId && interventionStatus !== null) {
    return { ...session, title: interventionTitle ?? "", description: interventionDescription ?? "", parentStatus: interventionStatus };
  }
  if (!session.healthDayModuleId || !healthDaySlotParents) return null;
  const parent = (await healthDaySlotParents(s, [session.healthDayModuleId])).get(session.healthDayModuleId);
  return parent ? { ...session, title: parent.title, description: parent.description, parentStatus: parent.status, station: parent } : null;
}

/**
 * The session, locked (SELECT … FOR UPDATE) for the rest of the tenant transaction: every change to
 * its places goes through this lock, so concurrent registrations are decided one after the other and
 * capacity holds. The parent (intervention or health-day station) is read, not locked.
 */
export async function lockSlot(s: Scope, id: string): Promise<SlotRow | null> {
  const [row] = await s.tx
    .select(slotColumns)
    .from(participationSession)
    .leftJoin(intervention, eq(intervention.id, participationSession.interventionId))
    .where(and(eq(participationSession.orgId, s.orgId), eq(participationSession.id, id)))
    .for("update", { of: participationSession });
  return withParent(s, row);
}

export async function findSlot(s: Scope, id: string): Promise<SlotRow | null> {
  const [row] = await s.tx
    .select(slotColumns)
    .from(participationSession)
    .leftJoin(intervention, eq(intervention.id, participationSession.interventionId))
    .where(and(eq(participationSession.orgId, s.orgId), eq(participationSession.id, id)));
  return withParent(s, row);
}

export async function insertSessions(s: Scope, values: Omit<typeof participationSession.$inferInsert, "orgId">[]): Promise<SessionRow[]> {
  if (values.length === 0) return [];
  return s.tx
    .insert(participationSession)
    .values(values.map((v) => ({ ...v, orgId: s.orgId })))
    .returning();
}

export async function updateSession(
  s: Scope,
  id: string,
  patch: Partial<Omit<typeof participationSession.$inferInsert, "id" | "orgId">>,
): Promise<SessionRow | null> {
  const [row] = await s.tx
    .update(participationSession)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(participationSession.orgId, s.orgId), eq(participationSession.id, id)))
    .returning();
  return row ?? null;
}

export async function listSessions(
  s: Scope,
  interventionIds: readonly string[],
  opts: { scheduledAfter?: Date } = {},
): Promise<SessionRow[]> {
  if (interventionIds.length === 0) return [];
  return s.tx
    .select()
    .from(participationSession)
    .where(
      and(
        eq(participationSession.orgId, s.orgId),
        inArray(participationSession.interventionId, [...interventionIds]),
        opts.scheduledAfter
          ? and(
              eq(participationSession.status, "scheduled"),
              sql`${participationSession.startsAt} > ${opts.scheduledAfter.toISOString()}::timestamptz`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(participationSession.startsAt), asc(participationSession.id));
}

export interface StatusCounts {
  registered: number;
  waitlisted: number;
  attended: number;
  noShow: number;
}
export const NO_COUNTS: StatusCounts = { registered: 0, waitlisted: 0, attended: 0, noShow: 0 };

/** Per session: people holding a place (registered, attended, no-show), waiting, attended, no-show. */
export async function countsBySession(s: Scope, sessionIds: readonly string[]): Promise<Map<string, StatusCounts>> {
  const out = new Map<string, StatusCounts>();
  if (sessionIds.length === 0) return out;
  const rows = await s.tx
    .select({ sessionId: participation.sessionId, status: participation.status, n: sql<number>`count(*)::int` })
    .from(participation)
    .where(and(eq(participation.orgId, s.orgId), inArray(participation.sessionId, [...sessionIds])))
    .groupBy(participation.sessionId, participation.status);
  for (const r of rows) {
    const c = out.get(r.sessionId) ?? { ...NO_COUNTS };
    if ((PLACE_HOLDING_STATUSES as readonly string[]).includes(r.status)) c.registered += r.n;
    if (r.status === "waitlisted") c.waitlisted += r.n;
    if (r.status === "attended") c.attended += r.n;
    if (r.status === "no_show") c.noShow += r.n;
    out.set(r.sessionId, c);
  }
  return out;
}

/**
 * Under the session's lock: the places taken and the latest queue time of any row, in one statement.
 * The latest queue time lets a registration queue strictly after everyone decided before it.
 */
export async function placesTaken(s: Scope, sessionId: string): Promise<{ taken: number; latestQueuedAt: Date | null }> {
  const holding = sql.join(
    PLACE_HOLDING_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  const [row] = await s.tx
    .select({
      taken: sql<number>`(count(*) filter (where ${participation.status} in (${holding})))::int`,
      latest: sql<string | null>`max(${participation.queuedAt})`,
    })
    .from(participation)
    .where(and(eq(participation.orgId, s.orgId), eq(participation.sessionId, sessionId)));
  return { taken: row?.taken ?? 0, latestQueuedAt: row?.latest ? new Date(row.latest) : null };
}

export async function findPlace(s: Scope, sessionId: string, employeeId: string): Promise<PlaceRow | null> {
  const [row] = await s.tx
    .select()
    .from(participation)
    .where(and(eq(participation.orgId, s.orgId), eq(participation.sessionId, sessionId), eq(participation.employeeId, employeeId)));
  return row ?? null;
}

/** Everyone who has a row in the session, with the name of whoever changed it last. */
export async function listPlaces(s: Scope, sessionId: string): Promise<(PlaceRow & { changedByName: string | null })[]> {
  return s.tx
    .select({ ...getTableColumns(participation), changedByName: user.name })
    .from(participation)
    .leftJoin(user, eq(user.id, participation.changedBy))
    .where(and(eq(participation.orgId, s.orgId), eq(participation.sessionId, sessionId)))
    .orderBy(asc(participation.queuedAt), asc(participation.id));
}

/** The waitlist in queue order. */
export async function listWaiting(s: Scope, sessionId: string): Promise<PlaceRow[]> {
  return s.tx
    .select()
    .from(participation)
    .where(and(eq(participation.orgId, s.orgId), eq(participation.sessionId, sessionId), eq(participation.status, "waitlisted")))
    .orderBy(asc(participation.queuedAt), asc(participation.id));
}

export async function insertPlace(
  s: Scope,
  values: { sessionId: string; employeeId: string; status: PlaceRow["status"]; walkIn?: boolean; changedBy: string; at: Date },
): Promise<PlaceRow> {
  const [row] = await s.tx
    .insert(participation)
    .values({
      orgId: s.orgId,
      sessionId: values.sessionId,
      employeeId: values.employeeId,
      status: values.status,
      walkIn: values.walkIn ?? false,
      queuedAt: values.at,
      changedBy: values.changedBy,
      changedAt: values.at,
    })
    .returning();
  if (!row) throw new Error("participation insert returned nothing");
  return row;
}

export async function updatePlace(
  s: Scope,
  id: string,
  patch: { status: PlaceRow["status"]; changedBy: string; at: Date; requeue?: boolean; walkIn?: boolean },
): Promise<PlaceRow> {
  const [row] = await s.tx
    .update(participation)
    .set({
      status: patch.status,
      changedBy: patch.changedBy,
      changedAt: patch.at,
      ...(patch.requeue ? { queuedAt: patch.at } : {}),
      ...(patch.walkIn === undefined ? {} : { walkIn: patch.walkIn }),
    })
    .where(and(eq(participation.orgId, s.orgId), eq(participation.id, id)))
    .returning();
  if (!row) throw new Error("participation update returned nothing");
  return row;
}

/** Only for a row a walk-in created by mistake: every other change keeps the row (one per person and session). */
export async function deletePlace(s: Scope, id: string): Promise<void> {
  await s.tx.delete(participation).where(and(eq(participation.orgId, s.orgId), eq(participation.id, id)));
}

/** The people to tell about a change of the session: holding a place (or only waiting) and not cancelled. */
export async function listConcerned(s: Scope, sessionId: string): Promise<PlaceRow[]> {
  return s.tx
    .select()
    .from(participation)
    .where(and(eq(participation.orgId, s.orgId), eq(participation.sessionId, sessionId), ne(participation.status, "cancelled")))
    .orderBy(asc(participation.queuedAt), asc(participation.id));
}

/** 1-based position of a waiting row: how many wait before it, plus one. */
export async function waitlistPosition(s: Scope, place: PlaceRow): Promise<number | null> {
  if (place.status !== "waitlisted") return null;
  const [row] = await s.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(participation)
    .where(
      and(
        eq(participation.orgId, s.orgId),
        eq(participation.sessionId, place.sessionId),
        eq(participation.status, "waitlisted"),
        sql`(date_trunc('milliseconds', ${participation.queuedAt}), ${participation.id}) < (${place.queuedAt.toISOString()}::timestamptz, ${place.id}::uuid)`,
      ),
    );
  return (row?.n ?? 0) + 1;
}

/** An employee's own rows in the given sessions (the start page). */
export async function placesOf(s: Scope, employeeId: string, sessionIds: readonly string[]): Promise<PlaceRow[]> {
  if (sessionIds.length === 0) return [];
  return s.tx
    .select()
    .from(participation)
    .where(
      and(eq(participation.orgId, s.orgId), eq(participation.employeeId, employeeId), inArray(participation.sessionId, [...sessionIds])),
    );
}

/** An employee's history, latest session first. */
const LATEST_SESSION_FIRST: SortKey[] = [
  { expr: millis(participationSession.startsAt), desc: true, cast: "timestamptz" },
  { expr: participation.id, desc: true, cast: "uuid" },
];
export const HistoryCursor = z.tuple([Timestamp, z.uuid()]);

export type HistoryRow = {
  place: PlaceRow;
  session: SessionRow;
  interventionTitle: string;
  waitlistPosition: number | null;
};

export async function history(
  s: Scope,
  employeeId: string,
  page: { after: z.output<typeof HistoryCursor> | undefined; limit: number },
): Promise<HistoryRow[]> {
  const ahead = sql<number>`(select count(*)::int from ${participation} w where w.session_id = ${participation.sessionId} and w.status = 'waitlisted' and (w.queued_at, w.id) < (${participation.queuedAt}, ${participation.id}))`;
  const rows = await s.tx
    .select({ place: participation, session: participationSession, interventionTitle: intervention.title, ahead })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .leftJoin(intervention, eq(intervention.id, participationSession.interventionId))
    .where(and(eq(participation.orgId, s.orgId), eq(participation.employeeId, employeeId), after(LATEST_SESSION_FIRST, page.after)))
    .orderBy(...orderBy(LATEST_SESSION_FIRST))
    .limit(page.limit + 1);
  // Health-day slots have no intervention: their title comes from the station (the registered source).
  const stationIds = [
    ...new Set(rows.flatMap((r) => (r.interventionTitle === null && r.session.healthDayModuleId ? [r.session.healthDayModuleId] : []))),
  ];
  const stations =
    stationIds.length > 0 && healthDaySlotParents ? await healthDaySlotParents(s, stationIds) : new Map<string, SlotParent>();
  return rows.map((r) => ({
    place: r.place,
    session: r.session,
    interventionTitle: r.interventionTitle ?? stations.get(r.session.healthDayModuleId ?? "")?.title ?? "",
    waitlistPosition: r.place.status === "waitlisted" ? r.ahead + 1 : null,
  }));
}

/** The time slots of health-day stations, in start order (cancelled ones included). */
export async function listStationSlots(s: Scope, healthDayModuleIds: readonly string[]): Promise<SessionRow[]> {
  if (healthDayModuleIds.length === 0) return [];
  return s.tx
    .select()
    .from(participationSession)
    .where(and(eq(participationSession.orgId, s.orgId), inArray(participationSession.healthDayModuleId, [...healthDayModuleIds])))
    .orderBy(asc(participationSession.startsAt), asc(participationSession.id));
}

/** How many different people hold a place (registered, attended, no-show) in any of the sessions. */
export async function countPeopleHoldingPlaces(s: Scope, sessionIds: readonly string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const [row] = await s.tx
    .select({ n: sql<number>`count(distinct ${participation.employeeId})::int` })
    .from(participation)
    .where(
      and(
        eq(participation.orgId, s.orgId),
        inArray(participation.sessionId, [...sessionIds]),
        inArray(participation.status, [...PLACE_HOLDING_STATUSES]),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Health-day slots still scheduled that start in [from, to), across companies (the reminder job, which
 * runs as the owner like the result deadlines and then works per company in its own transaction).
 */
export async function listStationSlotsStarting(
  db: Database | Tx,
  from: Date,
  to: Date,
): Promise<{ id: string; orgId: string; healthDayModuleId: string }[]> {
  const rows = await db
    .select({ id: participationSession.id, orgId: participationSession.orgId, healthDayModuleId: participationSession.healthDayModuleId })
    .from(participationSession)
    .where(
      and(
        isNotNull(participationSession.healthDayModuleId),
        eq(participationSession.status, "scheduled"),
        gte(participationSession.startsAt, from),
        lt(participationSession.startsAt, to),
      ),
    )
    .orderBy(asc(participationSession.orgId), asc(participationSession.startsAt), asc(participationSession.id));
  return rows.map((r) => ({ ...r, healthDayModuleId: r.healthDayModuleId as string }));
}
