import type { AttendanceList } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findEmployeesByIds } from "../employees/index.js";
import type { Acting, Outcome } from "./acting.js";
import { toSession } from "./participation.mappers.js";
import { addWalkIn, markAllAttended, removeWalkIn, setAttendance } from "./places.service.js";
import { attendanceOpensAt, attendanceSummary, holdsPlace, waitlistPositions } from "./registration.js";
import type { SlotRow } from "./sessions.repository.js";
import * as repo from "./sessions.repository.js";

/**
 * The manager's attendance list of one session: everyone holding a place (registered, attended,
 * no-show) by name, then the waitlist in queue order; who changed each row and when; and the summary
 * line "28/32 teilgenommen (87,5 %)". Names stay inside the company (this list is never shared).
 */
export async function attendanceList(scope: TenantScope, sessionId: string): Promise<AttendanceList> {
  const row = await repo.findSlot(scope, sessionId);
  if (!row) throw AppError.notFound("Session");
  const places = (await repo.listPlaces(scope, sessionId)).filter((p) => p.status !== "cancelled");
  const people = new Map(
    (
      await findEmployeesByIds(
        scope,
        places.map((p) => p.employeeId),
      )
    ).map((e) => [e.id, e]),
  );
  const positions = waitlistPositions(places);
  const counts = await repo.countsBySession(scope, [sessionId]);
  const rows = places.map((p) => {
    const e = people.get(p.employeeId);
    return {
      employeeId: p.employeeId,
      firstName: e?.firstName ?? "",
      lastName: e?.lastName ?? "",
      department: e?.department ?? "",
      status: p.status,
      walkIn: p.walkIn,
      waitlistPosition: positions.get(p.id) ?? null,
      changedAt: p.changedAt.toISOString(),
      changedByName: p.changedByName,
    };
  });
  const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.lastName.localeCompare(b.lastName, "de") || a.firstName.localeCompare(b.firstName, "de") || a.employeeId.localeCompare(b.employeeId);
  const holding = rows.filter((r) => holdsPlace(r.status)).sort(byName);
  const waiting = rows.filter((r) => r.status === "waitlisted").sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return {
    session: toSession(row, counts.get(sessionId)),
    interventionTitle: row.title,
    healthDay: stationOf(row),
    rows: [...holding, ...waiting],
    attendanceOpensAt: attendanceOpensAt(row).toISOString(),
    summary: attendanceSummary(places.map((p) => p.status)),
  };
}

/** A health-day slot's day and station (from the registered slot parent source), null for an intervention's session. */
export function stationOf(row: SlotRow): AttendanceList["healthDay"] {
  const st = row.station;
  if (!row.healthDayModuleId || !st?.healthDayId) return null;
  return {
    healthDayId: st.healthDayId,
    healthDayTitle: st.dayTitle ?? "",
    stationId: row.healthDayModuleId,
    stationTitle: st.stationTitle ?? row.title,
  };
}

export async function markOne(a: Acting, sessionId: string, employeeId: string, to: "attended" | "no_show" | "registered") {
  await setAttendance(a, sessionId, employeeId, to);
  return attendanceList(a.scope, sessionId);
}

export async function markAll(a: Acting, sessionId: string) {
  await markAllAttended(a, sessionId);
  return attendanceList(a.scope, sessionId);
}

/** A walk-in must be a person of this company's register; anyone else is a 404. */
export async function walkIn(a: Acting, sessionId: string, employeeId: string) {
  const [who] = await findEmployeesByIds(a.scope, [employeeId]);
  if (!who) {
    // The session's 404 first: a foreign session id must not tell whether the employee exists.
    if (!(await repo.findSlot(a.scope, sessionId))) throw AppError.notFound("Session");
    throw new AppError("not_in_register", "This person is not in the employee register", { field: "employeeId" }, 404);
  }
  await addWalkIn(a, sessionId, who);
  return attendanceList(a.scope, sessionId);
}

/** Takes out a walk-in added by mistake; a place it frees goes to the waitlist (their mails come back). */
export async function unWalkIn(a: Acting, sessionId: string, employeeId: string): Promise<Outcome<AttendanceList>> {
  const { mails } = await removeWalkIn(a, sessionId, employeeId);
  return { result: await attendanceList(a.scope, sessionId), mails };
}
