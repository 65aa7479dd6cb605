import {
  intervention,
  organization,
  participation,
  participationSession,
  participationSessionCount,
  participationSettings,
  type Tx,
} from "@bgm/db";
import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { and, asc, eq, type Query, type SQL, sql } from "drizzle-orm";
import { PgDialect, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import { keyCheckedFor } from "../partner-access/index.js";

/*
 * The reads behind every participation figure that leaves the company (aggregates.service.ts). Counts are
 * computed here; who is behind a count is read only where the disclosure rule needs it (cells below the
 * minimum, distinct people across sessions) and never leaves the service.
 */

/** Attended: came. Not attended: held a place (registered, or marked as no-show) and did not come. */
const ATTENDED = sql`${participation.status} = 'attended'`;
const NOT_ATTENDED = sql`${participation.status} in ('registered', 'no_show')`;

export async function findSettings(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(participationSettings).where(eq(participationSettings.orgId, orgId));
  return row ?? null;
}

/** Raises the minimum group size (the table's trigger refuses a lower value). */
export async function upsertMinGroupSize(tx: Tx, orgId: string, minGroupSize: number, userId: string) {
  const [row] = await tx
    .insert(participationSettings)
    .values({ orgId, minGroupSize, updatedBy: userId })
    .onConflictDoUpdate({
      target: participationSettings.orgId,
      set: { minGroupSize, updatedBy: userId, updatedAt: sql`now()` },
    })
    .returning();
  return row;
}

/**
 * The partner's statement. Shaped for how PostgreSQL runs it, not for the query builder (the old shape, one
 * GROUP BY over the joined places, took ~3.9 ms a read against 0.7 ms for the bench's hand-written statement:
 * every place was sorted by two uuids and fed to two array_agg per session — people are needed for a session
 * in 1 … min−1 cases only):
 * - the places of a session are not counted here: they are looked up in participation_session_count, which
 *   triggers on participation keep exact in the statement that changes the places (migration 0035; counting
 *   ~1,250 places a read was most of PostgreSQL's work under load). A session without a row has 0 / 0;
 * - the people of a session are read by a LATERAL subquery whose WHERE holds only the outer values (a
 *   "one-time filter"): for a session without a small column it reads nothing. Its ON repeats the condition so
 *   that such a session gets NULL, not an empty list;
 * - the company's minimum group size once (m), not once per use.
 * Row-level security confines every table to the company; the sessions, counts and places of its own
 * interventions are its own.
 *
 * The statement only reads: the read's access-log entry is written by data-grants' AccessLogWriter, many reads
 * to one transaction, before the answer leaves (partner-participation.service.ts; issue 12: as a data-modifying
 * CTE of this statement, the entry made every read a writing transaction with its own WAL flush).
 */
const placesOfEngagement = (guard: SQL | undefined) => {
  const floor = sql`${sql.placeholder("floor")}::int`;
  const orgId = sql.placeholder("orgId");
  const engagementId = sql.placeholder("engagementId");
  const p = participation;
  const s = participationSession;
  const i = intervention;
  const n = participationSessionCount;
  // A session the disclosure rule must look into: a column with 1 … min−1 places (a session without a
  // counts row has none: NULL is not between, so not small).
  const small = sql`((c.attended between 1 and m.min - 1) or (c.not_attended between 1 and m.min - 1))`;
  return sql`with m as (
      select greatest(${floor}, coalesce((select ${participationSettings.minGroupSize} from ${participationSettings}
        where ${participationSettings.orgId} = ${orgId}), ${floor})) as min
    ),
    q as (
      select ${i.id} as intervention_id, ${i.title} as title, ${i.category} as category, ${s.id} as session_id,
        ${s.startsAt} as starts_at, ${s.endsAt} as ends_at, coalesce(c.attended, 0) as attended,
        coalesce(c.not_attended, 0) as not_attended, pp.attended_people,
        pp.not_attended_people, m.min, ${i.createdAt} as intervention_created_at
      from m cross join ${i}
      left join ${s} on ${s.interventionId} = ${i.id} and ${s.status} = 'scheduled'
      left join ${n} as c on c.session_id = ${s.id}
      left join lateral (
        select coalesce(array_agg(${p.employeeId}) filter (where ${ATTENDED}), '{}') as attended_people,
          coalesce(array_agg(${p.employeeId}) filter (where ${NOT_ATTENDED}), '{}') as not_attended_people
        from ${p} where ${p.sessionId} = ${s.id} and ${small}
      ) pp on ${small}
      where ${i.orgId} = ${orgId} and ${i.engagementId} = ${engagementId}${guard ? sql` and ${guard}` : sql``}
    )
    select q.intervention_id, q.title, q.category, q.session_id, q.starts_at, q.ends_at, q.attended, q.not_attended,
      q.attended_people, q.not_attended_people, m.min
    from m left join q on true
    order by q.intervention_created_at, q.intervention_id, q.starts_at, q.session_id`;
};

export interface EngagementPlaces {
  /** Null only in the one row of an engagement without interventions (it carries the minimum group size). */
  interventionId: string | null;
  title: string;
  category: string;
  /** Null for an intervention without scheduled sessions (then the counts are 0). */
  sessionId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  attended: number;
  notAttended: number;
  attendedPeople: string[] | null;
  notAttendedPeople: string[] | null;
  minGroupSize: number;
}

// Timestamps come as text from both drivers under drizzle (its own parsers), as drizzle's timestamp column reads them.
const toDate = (v: unknown) => (v === null ? null : v instanceof Date ? v : new Date(String(v)));

/** One row of the statement, in the order of its select list (placesOfEngagement). */
const toPlaces = ([interventionId, title, category, sessionId, startsAt, endsAt, attended, notAttended, ap, nap, min]: unknown[]) => ({
  interventionId: interventionId as string | null,
  title: title as string,
  category: category as string,
  sessionId: sessionId as string | null,
  startsAt: toDate(startsAt),
  endsAt: toDate(endsAt),
  attended: Number(attended),
  notAttended: Number(notAttended),
  attendedPeople: ap as string[] | null,
  notAttendedPeople: nap as string[] | null,
  minGroupSize: Number(min),
});

/**
 * The statement's text and placeholders never change, so they are built once per process: building them
 * with the query builder took longer on every request than the database took to answer (about a millisecond
 * of the event loop; the partner API's throughput is bound by it). Executed as a named prepared statement in
 * the caller's transaction.
 */
const placesStatements: { plain?: Query; keyChecked?: Query } = {};
const PLACES_STATEMENT = "participation_places_of_engagement_v7";

/**
 * Places of every scheduled session of the interventions run under one engagement, counted per session, with
 * the company's minimum group size (at least `floor`) and, for sessions with a column of 1 … min−1 places,
 * who is behind them: one prepared statement, the partner API's hot path.
 */
export async function engagementSessionPlaces(
  tx: Tx,
  orgId: string,
  engagementId: string,
  floor: number,
  opts: { keyChecked?: { providerOrgId: string } } = {},
): Promise<EngagementPlaces[]> {
  // keyChecked: the variant after a key check in the same transaction (withTenantTx's preamble), which reads
  // nothing unless that check found an active key of the provider (keyCheckedFor).
  const variant = opts.keyChecked ? "keyChecked" : "plain";
  placesStatements[variant] ??= new PgDialect().sqlToQuery(
    placesOfEngagement(opts.keyChecked ? keyCheckedFor(sql.placeholder("providerOrgId")) : undefined),
  );
  const statement = placesStatements[variant];
  return tx._.session
    .prepareQuery<PreparedQueryConfig & { execute: EngagementPlaces[] }>(
      statement,
      undefined,
      `${PLACES_STATEMENT}${opts.keyChecked ? "_key" : ""}`,
      true,
      (rows) => rows.map(toPlaces),
    )
    .execute({ orgId, engagementId, floor, providerOrgId: opts.keyChecked?.providerOrgId ?? null });
}

/** Start (inclusive) and end (exclusive) of a period of calendar days in Europe/Berlin. */
const periodBounds = (from: string, to: string) => ({
  start: sql`(${from}::date)::timestamp at time zone ${PARTICIPATION_TIME_ZONE}`,
  end: sql`((${to}::date) + 1)::timestamp at time zone ${PARTICIPATION_TIME_ZONE}`,
});

const inPeriod = (from: string, to: string): SQL => {
  const { start, end } = periodBounds(from, to);
  return and(
    sql`${participationSession.startsAt} >= ${start}`,
    sql`${participationSession.startsAt} < ${end}`,
    eq(participationSession.status, "scheduled"),
  ) as SQL;
};

/** Interventions with a scheduled session in the period, with their sessions there and their provider. */
export async function interventionsInPeriod(tx: Tx, orgId: string, from: string, to: string) {
  return tx
    .select({
      id: intervention.id,
      title: intervention.title,
      category: intervention.category,
      fieldOfAction: intervention.fieldOfAction,
      approach: intervention.approach,
      targetGroup: intervention.targetGroup,
      certificationId: intervention.certificationId,
      providerOrgId: intervention.providerOrgId,
      providerName: organization.name,
      sessions: sql<number>`count(${participationSession.id})`.mapWith(Number),
      firstSession: sql<Date>`min(${participationSession.startsAt})`.mapWith(participationSession.startsAt),
      lastSession: sql<Date>`max(${participationSession.startsAt})`.mapWith(participationSession.startsAt),
    })
    .from(intervention)
    .innerJoin(participationSession, and(eq(participationSession.interventionId, intervention.id), eq(participationSession.orgId, orgId)))
    .leftJoin(organization, eq(organization.id, intervention.providerOrgId))
    .where(and(eq(intervention.orgId, orgId), inPeriod(from, to)))
    .groupBy(intervention.id, organization.name)
    .orderBy(asc(sql`min(${participationSession.startsAt})`), asc(intervention.id));
}

/** Who attended which intervention in the period: one row per person and intervention. */
export async function attendancePairs(tx: Tx, orgId: string, from: string, to: string) {
  return tx
    .selectDistinct({ employeeId: participation.employeeId, interventionId: participationSession.interventionId })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .where(and(eq(participation.orgId, orgId), eq(participationSession.orgId, orgId), ATTENDED, inPeriod(from, to)));
}

// A literal, not a parameter: GROUP BY must see the very same expression as the select list.
const ZONE = sql.raw(`'${PARTICIPATION_TIME_ZONE.replace(/[^A-Za-z_/]/g, "")}'`);
const monthOf = sql<string>`to_char(${participationSession.startsAt} at time zone ${ZONE}, 'YYYY-MM')`;

/**
 * Places per calendar month (Europe/Berlin) of the period, whole months: attended and not attended, with their
 * distinct people, and who they are where there are fewer than `min` of them.
 */
export async function monthPlaces(tx: Tx, orgId: string, fromMonthStart: string, toMonthEnd: string, min: number) {
  return tx
    .select({
      month: monthOf,
      sessions: sql<number>`count(distinct ${participationSession.id})`.mapWith(Number),
      interventionIds: sql<string[]>`array_agg(distinct ${participationSession.interventionId})`,
      attended: sql<number>`count(${participation.id}) filter (where ${ATTENDED})`.mapWith(Number),
      notAttended: sql<number>`count(${participation.id}) filter (where ${NOT_ATTENDED})`.mapWith(Number),
      attendedDistinct: sql<number>`count(distinct ${participation.employeeId}) filter (where ${ATTENDED})`.mapWith(Number),
      notAttendedDistinct: sql<number>`count(distinct ${participation.employeeId}) filter (where ${NOT_ATTENDED})`.mapWith(Number),
      attendedPeople: sql<string[] | null>`case when count(distinct ${participation.employeeId}) filter (where ${ATTENDED}) < ${min}
        then array_remove(array_agg(distinct ${participation.employeeId}) filter (where ${ATTENDED}), null) end`,
      notAttendedPeople: sql<string[] | null>`case when count(distinct ${participation.employeeId}) filter (where ${NOT_ATTENDED}) < ${min}
        then array_remove(array_agg(distinct ${participation.employeeId}) filter (where ${NOT_ATTENDED}), null) end`,
    })
    .from(participationSession)
    .leftJoin(participation, and(eq(participation.sessionId, participationSession.id), eq(participation.orgId, orgId)))
    .where(and(eq(participationSession.orgId, orgId), inPeriod(fromMonthStart, toMonthEnd)))
    .groupBy(monthOf)
    .orderBy(monthOf);
}
