import { intervention, organization, participation, participationSession } from "@bgm/db";
import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

/**
 * The queries of the §20 certificates and the health budget (the insurer report's people counts come from
 * the aggregation service). Each
 * filters by the scope's company as well as relying on row-level security: two walls.
 */

/** A session's calendar day in Europe/Berlin (what a German reader calls its date). */
const localDay = sql<string>`to_char(${participationSession.startsAt} AT TIME ZONE ${PARTICIPATION_TIME_ZONE}, 'YYYY-MM-DD')`;

export interface CourseProgress {
  interventionId: string;
  title: string;
  certificationId: string;
  status: "open" | "closed" | "cancelled";
  providerName: string | null;
  counted: number;
  upcoming: number;
  attended: number;
}

/**
 * The certified courses (certification_id set) one employee holds or held a place in (registered,
 * attended or no-show in at least one session), with the course's counted sessions (not cancelled and
 * ended by `now`), its upcoming ones, and how many of the counted ones the employee attended.
 */
export async function certifiedCourses(
  scope: TenantScope,
  employeeId: string,
  now: Date,
  interventionId?: string,
): Promise<CourseProgress[]> {
  const mine = scope.tx
    .selectDistinct({ interventionId: participationSession.interventionId })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .where(
      and(
        eq(participation.orgId, scope.orgId),
        eq(participation.employeeId, employeeId),
        inArray(participation.status, ["registered", "attended", "no_show"]),
      ),
    );
  const ended = sql`${participationSession.endsAt} <= ${now.toISOString()}::timestamptz`;
  const rows = await scope.tx
    .select({
      interventionId: intervention.id,
      title: intervention.title,
      certificationId: intervention.certificationId,
      status: intervention.status,
      providerName: organization.name,
      counted: sql<number>`count(*) FILTER (WHERE ${participationSession.status} <> 'cancelled' AND ${ended})::int`,
      upcoming: sql<number>`count(*) FILTER (WHERE ${participationSession.status} <> 'cancelled' AND NOT ${ended})::int`,
      attended: sql<number>`count(*) FILTER (WHERE ${participationSession.status} <> 'cancelled' AND ${ended} AND EXISTS (
        SELECT 1 FROM ${participation} p WHERE p.session_id = ${participationSession.id}
          AND p.employee_id = ${employeeId} AND p.status = 'attended'))::int`,
    })
    .from(intervention)
    .innerJoin(participationSession, eq(participationSession.interventionId, intervention.id))
    .leftJoin(organization, eq(organization.id, intervention.providerOrgId))
    .where(
      and(
        eq(intervention.orgId, scope.orgId),
        isNotNull(intervention.certificationId),
        inArray(intervention.id, mine),
        interventionId ? eq(intervention.id, interventionId) : undefined,
      ),
    )
    .groupBy(intervention.id, organization.name)
    .orderBy(asc(intervention.title));
  return rows.map((r) => ({ ...r, certificationId: r.certificationId as string }));
}

/** The dates (Europe/Berlin) of the counted sessions of a course that the employee attended, oldest first. */
export async function attendedDates(scope: TenantScope, employeeId: string, interventionId: string, now: Date): Promise<string[]> {
  const rows = await scope.tx
    .select({ day: localDay })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .where(
      and(
        eq(participation.orgId, scope.orgId),
        eq(participation.employeeId, employeeId),
        eq(participation.status, "attended"),
        eq(participationSession.interventionId, interventionId),
        ne(participationSession.status, "cancelled"),
        sql`${participationSession.endsAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(participationSession.startsAt));
  return rows.map((r) => r.day);
}

export interface CostedIntervention {
  id: string;
  title: string;
  certificationId: string | null;
  costCents: number | null;
}

/** Interventions of the company that were not cancelled, for the health budget. */
export async function interventionsWithCost(scope: TenantScope): Promise<CostedIntervention[]> {
  return scope.tx
    .select({
      id: intervention.id,
      title: intervention.title,
      certificationId: intervention.certificationId,
      costCents: intervention.costCents,
    })
    .from(intervention)
    .where(and(eq(intervention.orgId, scope.orgId), ne(intervention.status, "cancelled")))
    .orderBy(asc(intervention.title));
}

/**
 * Per intervention and employee who attended at least one of its (not cancelled) sessions: the calendar
 * year (Europe/Berlin) of the first attended session.
 */
export async function firstAttendance(scope: TenantScope): Promise<{ interventionId: string; employeeId: string; year: number }[]> {
  const rows = await scope.tx
    .select({
      interventionId: participationSession.interventionId,
      employeeId: participation.employeeId,
      year: sql<number>`extract(year FROM min(${participationSession.startsAt}) AT TIME ZONE ${PARTICIPATION_TIME_ZONE})::int`,
    })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .where(and(eq(participation.orgId, scope.orgId), eq(participation.status, "attended"), ne(participationSession.status, "cancelled")))
    .groupBy(participationSession.interventionId, participation.employeeId);
  return rows.flatMap((r) => (r.interventionId ? [{ interventionId: r.interventionId, employeeId: r.employeeId, year: r.year }] : []));
}
