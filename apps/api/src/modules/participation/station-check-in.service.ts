import { participation, participationSession } from "@bgm/db";
import { and, eq, inArray } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";
import { type Acting, nowOf } from "./acting.js";
import { lockSession } from "./places.service.js";
import { attendanceClosedBecause, planAttendance } from "./registration.js";
import * as repo from "./sessions.repository.js";

/**
 * A health day's check-in (issue 13, Live) marks attendance through this core: the ticket names a
 * registration (participation row) by id, the door's phone does not know who it is. The health-days
 * module signs and verifies the tickets and keeps the scans; whether the place exists, holds a place and
 * may be marked now is decided here, under the session's lock like every other attendance mark.
 */

export interface StationPlace {
  id: string;
  sessionId: string;
  employeeId: string;
  status: repo.PlaceRow["status"];
}

const placeColumns = {
  id: participation.id,
  sessionId: participation.sessionId,
  employeeId: participation.employeeId,
  status: participation.status,
};

/** The rows (any status) in the given sessions; with `employeeId`, only that person's. No names. */
export async function listStationPlaces(scope: TenantScope, sessionIds: readonly string[], employeeId?: string): Promise<StationPlace[]> {
  if (sessionIds.length === 0) return [];
  return scope.tx
    .select(placeColumns)
    .from(participation)
    .where(
      and(
        eq(participation.orgId, scope.orgId),
        inArray(participation.sessionId, [...sessionIds]),
        employeeId ? eq(participation.employeeId, employeeId) : undefined,
      ),
    );
}

/** The ids of the stations' slots (any status), without their counts: the check-in's cheap read per batch. */
export async function listStationSlotIds(scope: TenantScope, healthDayModuleIds: readonly string[]): Promise<string[]> {
  if (healthDayModuleIds.length === 0) return [];
  const rows = await scope.tx
    .select({ id: participationSession.id })
    .from(participationSession)
    .where(and(eq(participationSession.orgId, scope.orgId), inArray(participationSession.healthDayModuleId, [...healthDayModuleIds])));
  return rows.map((r) => r.id);
}

/** What a check-in came to: `already` — the place was marked attended before (a second scan). */
export type CheckInMark = "checked_in" | "already" | "no_place" | "cancelled" | "not_open" | "unknown";

/**
 * Marks the place attended if it still holds one and attendance is open (from half an hour before the
 * slot starts, at `a.now`, the scan's time). The session is locked first: two phones syncing the same
 * ticket at once are decided one after the other, and only the first marks it.
 */
export async function checkInPlace(a: Acting, sessionId: string, participationId: string): Promise<CheckInMark> {
  const { scope } = a;
  const now = nowOf(a);
  const { slot } = await lockSession(scope, sessionId);
  const [place] = await scope.tx
    .select()
    .from(participation)
    .where(and(eq(participation.orgId, scope.orgId), eq(participation.sessionId, sessionId), eq(participation.id, participationId)));
  if (!place) return "unknown";
  if (slot.status === "cancelled") return "cancelled";
  if (place.status === "attended") return "already";
  if (place.status === "cancelled" || place.status === "waitlisted") return "no_place";
  if (attendanceClosedBecause(slot, now)) return "not_open";
  const plan = planAttendance(slot, place.status, "attended", now);
  if (!plan.ok || plan.action === "keep") return "already";
  const updated = await repo.updatePlace(scope, place.id, { status: "attended", changedBy: scope.userId, at: now });
  await scope.audit({
    action: "participation.attendance_set",
    entityType: "participation",
    entityId: updated.id,
    details: {
      sessionId,
      employeeId: updated.employeeId,
      from: plan.from,
      to: "attended",
      correction: plan.from !== "registered",
      via: "check_in",
    },
  });
  return "checked_in";
}
