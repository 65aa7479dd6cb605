import { PARTICIPATION_STATUSES, type ParticipationStatusKey } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";

/**
 * The registration core as pure rules, no I/O: who gets a place, who waits, who moves up, which
 * attendance marks are allowed. Everything is keyed by one bookable session ("slot"): a session of an
 * intervention today, a time slot of a health-day station later; the caller locks the slot's row and
 * hands in what it read. The services apply the plans in that same transaction.
 */

export type PlaceStatus = ParticipationStatusKey;

/** A bookable session as the rules need it. */
export interface Slot {
  status: "scheduled" | "cancelled";
  /** The parent (intervention, later a health day) takes registrations. */
  parentOpen: boolean;
  startsAt: Date;
  registrationDeadline: Date | null;
  capacity: number;
  waitlistEnabled: boolean;
  /** Rows holding a place (registered, attended, no-show). */
  placesTaken: number;
}

export const holdsPlace = (s: PlaceStatus): boolean => PARTICIPATION_STATUSES.find((x) => x.key === s)?.holdsPlace ?? false;
export const isCounted = (s: PlaceStatus): boolean => PARTICIPATION_STATUSES.find((x) => x.key === s)?.counted ?? false;

/** Registration closes at the deadline, or when the session starts if it has none. */
export const registrationClosesAt = (slot: Pick<Slot, "startsAt" | "registrationDeadline">): Date =>
  slot.registrationDeadline ?? slot.startsAt;

export const freePlaces = (slot: Pick<Slot, "capacity" | "placesTaken">): number => Math.max(0, slot.capacity - slot.placesTaken);

export type Refusal =
  | { ok: false; reason: "not_registered" }
  | { ok: false; reason: "employee_inactive" }
  | { ok: false; reason: "session_cancelled" }
  | { ok: false; reason: "intervention_not_open" }
  | { ok: false; reason: "registration_closed"; closedAt: Date }
  | { ok: false; reason: "session_started" }
  | { ok: false; reason: "session_full"; capacity: number }
  | { ok: false; reason: "attendance_recorded"; status: PlaceStatus }
  | { ok: false; reason: "no_place"; status: PlaceStatus }
  | { ok: false; reason: "session_not_started"; opensAt: Date }
  | { ok: false; reason: "not_a_walk_in"; status: PlaceStatus };

/** Why nobody can register now (the slot's side alone); null when registration is open. */
export function closedBecause(slot: Slot, now: Date): Refusal | null {
  if (slot.status === "cancelled") return { ok: false, reason: "session_cancelled" };
  if (!slot.parentOpen) return { ok: false, reason: "intervention_not_open" };
  if (now >= slot.startsAt) return { ok: false, reason: "session_started" };
  const closes = registrationClosesAt(slot);
  if (now >= closes) return { ok: false, reason: "registration_closed", closedAt: closes };
  return null;
}

/** Can someone without a place ask for one now (a place or the waitlist)? */
export function registrationOpen(slot: Slot, now: Date): boolean {
  return closedBecause(slot, now) === null && (freePlaces(slot) > 0 || slot.waitlistEnabled);
}

export type RegistrationPlan =
  /** Already holding a place or waiting: registering again changes nothing and answers the existing place. */
  | { ok: true; action: "keep"; status: PlaceStatus }
  /** A new row, or the person's cancelled row taken up again (one row per person and session). */
  | { ok: true; action: "insert" | "reuse"; to: "registered" | "waitlisted" };

export function planRegistration(slot: Slot, current: PlaceStatus | null, who: { active: boolean }, now: Date): RegistrationPlan | Refusal {
  if (current !== null && current !== "cancelled") return { ok: true, action: "keep", status: current };
  if (!who.active) return { ok: false, reason: "employee_inactive" };
  const closed = closedBecause(slot, now);
  if (closed) return closed;
  const action = current === null ? "insert" : "reuse";
  if (freePlaces(slot) > 0) return { ok: true, action, to: "registered" };
  if (slot.waitlistEnabled) return { ok: true, action, to: "waitlisted" };
  return { ok: false, reason: "session_full", capacity: slot.capacity };
}

export type CancellationPlan =
  | { ok: true; action: "keep" }
  | { ok: true; action: "cancel"; from: "registered" | "waitlisted"; freesPlace: boolean };

/** An employee gives up a place or leaves the waitlist, until the session starts. */
export function planCancellation(slot: Slot, current: PlaceStatus | null, now: Date): CancellationPlan | Refusal {
  if (current === null) return { ok: false, reason: "not_registered" };
  if (current === "cancelled") return { ok: true, action: "keep" };
  if (current === "attended" || current === "no_show") return { ok: false, reason: "attendance_recorded", status: current };
  if (slot.status === "cancelled") return { ok: false, reason: "session_cancelled" };
  if (now >= slot.startsAt) return { ok: false, reason: "session_started" };
  return { ok: true, action: "cancel", from: current, freesPlace: current === "registered" };
}

/**
 * Who of the waitlist (in queue order) moves up now: as many as places are free, while the session
 * still lies ahead. Used after a cancellation and after the capacity was raised. A passed registration
 * deadline does not stop it: the people waiting asked in time.
 */
export function planPromotions<W>(slot: Slot, waitlist: readonly W[], now: Date): W[] {
  if (slot.status !== "scheduled" || !slot.parentOpen || now >= slot.startsAt) return [];
  return waitlist.slice(0, freePlaces(slot));
}

export type AttendancePlan = { ok: true; action: "keep" } | { ok: true; action: "set"; from: PlaceStatus; to: PlaceStatus };

/**
 * Attendance is taken at the door: from half an hour before the start (people arrive early and the
 * manager ticks them off as they come in), never days ahead — a mark on a session still to come would
 * count as a participation that did not happen (reports, the 80 % certificate rule).
 */
export const ATTENDANCE_OPENS_BEFORE_START_MS = 30 * 60 * 1000;

export const attendanceOpensAt = (slot: Pick<Slot, "startsAt">): Date =>
  new Date(slot.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_START_MS);

/** Why no attendance can be recorded now (the slot's side alone); null when it can. */
export function attendanceClosedBecause(slot: Pick<Slot, "status" | "startsAt">, now: Date): Refusal | null {
  if (slot.status === "cancelled") return { ok: false, reason: "session_cancelled" };
  const opensAt = attendanceOpensAt(slot);
  if (now < opensAt) return { ok: false, reason: "session_not_started", opensAt };
  return null;
}

/**
 * The manager marks a person who holds a place as attended or no-show, or takes the mark back. Taking a
 * mark back (to `registered`) is always allowed: it only ever undoes a mark.
 */
export function planAttendance(
  slot: Pick<Slot, "status" | "startsAt">,
  current: PlaceStatus | null,
  to: "attended" | "no_show" | "registered",
  now: Date,
): AttendancePlan | Refusal {
  if (slot.status === "cancelled") return { ok: false, reason: "session_cancelled" };
  if (current === null) return { ok: false, reason: "not_registered" };
  if (!holdsPlace(current)) return { ok: false, reason: "no_place", status: current };
  if (current === to) return { ok: true, action: "keep" };
  if (to !== "registered") {
    const closed = attendanceClosedBecause(slot, now);
    if (closed) return closed;
  }
  return { ok: true, action: "set", from: current, to };
}

export type WalkInPlan =
  | { ok: true; action: "keep" }
  | { ok: true; action: "insert" }
  /** The person had a row: registered or no-show are marked attended; waiting or cancelled came without a place. */
  | { ok: true; action: "set"; from: PlaceStatus; walkIn: boolean };

/** Someone of the register stands at the door: they attended, with or without a registration. */
export function planWalkIn(
  slot: Pick<Slot, "status" | "startsAt">,
  current: PlaceStatus | null,
  who: { active: boolean },
  now: Date,
): WalkInPlan | Refusal {
  const closed = attendanceClosedBecause(slot, now);
  if (closed) return closed;
  if (current === "attended") return { ok: true, action: "keep" };
  if (!who.active) return { ok: false, reason: "employee_inactive" };
  if (current === null) return { ok: true, action: "insert" };
  return { ok: true, action: "set", from: current, walkIn: !holdsPlace(current) };
}

export type WalkInRemovalPlan =
  /** The walk-in made the row: it goes, the audit log keeps that it was added and removed. */
  | { ok: true; action: "delete"; from: PlaceStatus }
  /** The person had a row before (waiting or cancelled): it goes back to what it was. */
  | { ok: true; action: "restore"; from: PlaceStatus; to: "waitlisted" | "cancelled" };

/**
 * A walk-in added by mistake is taken out again. Only rows the walk-in made or turned into a place
 * (walk-in flag); a registered person's mark is taken back with a mark instead. `before` is the status
 * the row had before the walk-in (null: the walk-in created the row), as its audit entry recorded it.
 */
export function planWalkInRemoval(
  current: { status: PlaceStatus; walkIn: boolean } | null,
  before: PlaceStatus | null,
): WalkInRemovalPlan | Refusal {
  if (current === null) return { ok: false, reason: "not_registered" };
  if (!current.walkIn || !holdsPlace(current.status)) return { ok: false, reason: "not_a_walk_in", status: current.status };
  if (before === "waitlisted" || before === "cancelled") return { ok: true, action: "restore", from: current.status, to: before };
  return { ok: true, action: "delete", from: current.status };
}

/** "28/32 teilgenommen (87,5 %)": attended of everyone expected (registered, attended, no-show). */
export function attendanceSummary(statuses: readonly PlaceStatus[]): { attended: number; expected: number; rate: number | null } {
  const expected = statuses.filter(isCounted).length;
  const attended = statuses.filter((s) => s === "attended").length;
  return { attended, expected, rate: expected === 0 ? null : attended / expected };
}

/**
 * The queue time of a new or re-queued row: now, but at least one millisecond after the latest row of
 * the session (times are kept to the millisecond), so queue order is the order the lock decided.
 */
export function queueTime(now: Date, latestQueuedAt: Date | null): Date {
  if (!latestQueuedAt || now.getTime() > latestQueuedAt.getTime()) return now;
  return new Date(latestQueuedAt.getTime() + 1);
}

/** 1-based waitlist positions in queue order (queued_at, then id for equal times). */
export function waitlistPositions<W extends { id: string; status: PlaceStatus; queuedAt: Date }>(rows: readonly W[]): Map<string, number> {
  const waiting = rows
    .filter((r) => r.status === "waitlisted")
    .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(waiting.map((r, i) => [r.id, i + 1]));
}

export function refusalError(r: Refusal): AppError {
  switch (r.reason) {
    case "not_registered":
      return new AppError("not_registered", "This person has no place in this session", undefined, 404);
    case "employee_inactive":
      return new AppError("employee_inactive", "This person is marked inactive in the employee register", undefined, 409);
    case "session_cancelled":
      return new AppError("session_cancelled", "The session was cancelled", undefined, 409);
    case "intervention_not_open":
      return new AppError("intervention_not_open", "The intervention takes no registrations (closed or cancelled)", undefined, 409);
    case "registration_closed":
      return new AppError("registration_closed", "The registration deadline has passed", { closedAt: r.closedAt.toISOString() }, 409);
    case "session_started":
      return new AppError("session_started", "The session has already started", undefined, 409);
    case "session_full":
      return new AppError("session_full", "The session is full and has no waitlist", { capacity: r.capacity }, 409);
    case "attendance_recorded":
      return new AppError("attendance_recorded", "Attendance was already recorded for this place", { status: r.status }, 409);
    case "no_place":
      return new AppError(
        "no_place",
        "This person holds no place (waitlisted or cancelled); add them as a walk-in instead",
        { status: r.status },
        409,
      );
    case "session_not_started":
      return new AppError(
        "session_not_started",
        "The session has not started yet; attendance can be taken from half an hour before its start",
        { opensAt: r.opensAt.toISOString() },
        422,
      );
    case "not_a_walk_in":
      return new AppError(
        "not_a_walk_in",
        "This person was not added as a walk-in; take an attendance mark back with a mark instead",
        { status: r.status },
        409,
      );
  }
}

/** Returns the plan or throws the refusal as the API's error. */
export function must<P extends { ok: true }>(plan: P | Refusal): P {
  if (!plan.ok) throw refusalError(plan);
  return plan;
}
