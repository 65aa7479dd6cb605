import { intervention, organization, participation, participationSession, participationSettings } from "@bgm/db";
import { MIN_GROUP_SIZE, PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { and, asc, eq, gte, inArray, isNotNull, lte, ne, type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

/**
 * The queries of the participation reports (insurer report, §20 certificates, health budget). Each
 * filters by the scope's company as well as relying on row-level security: two walls.
 */

/** A session's calendar day in Europe/Berlin (what a German reader calls its date). */
const localDay = sql<string>`to_char(${participationSession.startsAt} AT TIME ZONE ${PARTICIPATION_TIME_ZONE}, 'YYYY-MM-DD')`;
const inPeriod = (from: string, to: string): SQL =>
  and(
    gte(sql`(${participationSession.startsAt} AT TIME ZONE ${PARTICIPATION_TIME_ZONE})::date`, sql`${from}::date`),
    lte(sql`(${participationSession.startsAt} AT TIME ZONE ${PARTICIPATION_TIME_ZONE})::date`, sql`${to}::date`),
  ) as SQL;

export interface ReportIntervention {
  id: string;
  title: string;
  category: string;
  fieldOfAction: string;
  approach: "behavioural" | "structural";
  targetGroup: string;
  certificationId: string | null;
  providerOrgId: string | null;
  providerName: string | null;
  sessions: number;
  /** Start of the first and the last session held in the period. */
  firstSessionAt: string;
  lastSessionAt: string;
}

/** Interventions with at least one session held (not cancelled) in the period, with those sessions' count and span. */
export async function interventionsInPeriod(scope: TenantScope, from: string, to: string): Promise<ReportIntervention[]> {
  const rows = await scope.tx
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
      sessions: sql<number>`count(*)::int`,
      firstSessionAt: sql<Date>`min(${participationSession.startsAt})`,
      lastSessionAt: sql<Date>`max(${participationSession.startsAt})`,
    })
    .from(participationSession)
    .innerJoin(intervention, eq(intervention.id, participationSession.interventionId))
    .leftJoin(organization, eq(organization.id, intervention.providerOrgId))
    .where(and(eq(participationSession.orgId, scope.orgId), ne(participationSession.status, "cancelled"), inPeriod(from, to)))
    .groupBy(intervention.id, organization.name)
    .orderBy(sql`min(${participationSession.startsAt})`, asc(intervention.title));
  // Aggregates come back as the driver's text (PGlite) or Date (pg): one ISO form either way.
  return rows.map((r) => ({
    ...r,
    firstSessionAt: new Date(r.firstSessionAt).toISOString(),
    lastSessionAt: new Date(r.lastSessionAt).toISOString(),
  }));
}

/** Who attended which intervention in the period: one row per intervention × employee (for counting only). */
export async function attendanceInPeriod(
  scope: TenantScope,
  from: string,
  to: string,
): Promise<{ interventionId: string; employeeId: string }[]> {
  const rows = await scope.tx
    .selectDistinct({ interventionId: participationSession.interventionId, employeeId: participation.employeeId })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .where(
      and(
        eq(participation.orgId, scope.orgId),
        eq(participation.status, "attended"),
        ne(participationSession.status, "cancelled"),
        inPeriod(from, to),
      ),
    );
  return rows.flatMap((r) => (r.interventionId ? [{ interventionId: r.interventionId, employeeId: r.employeeId }] : []));
}

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

/** The company's minimum group size (participation_settings; MIN_GROUP_SIZE when it never raised it). */
export async function minGroupSize(scope: TenantScope): Promise<number> {
  const [row] = await scope.tx
    .select({ min: participationSettings.minGroupSize })
    .from(participationSettings)
    .where(eq(participationSettings.orgId, scope.orgId));
  return Math.max(row?.min ?? MIN_GROUP_SIZE, MIN_GROUP_SIZE);
}
