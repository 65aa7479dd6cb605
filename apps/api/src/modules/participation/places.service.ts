import { AppError } from "../../lib/app-error.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { lastRecordedPerDetail } from "../audit/index.js";
import { type EmployeeFacts, findEmployeesByIds } from "../employees/index.js";
import { notifyUser } from "../notifications/index.js";
import { type Acting, nowOf, type Outcome } from "./acting.js";
import { placeMail, promotedNotice, type SessionFacts, START_PAGE } from "./messages.js";
import { sessionFacts } from "./participation.mappers.js";
import {
  attendanceClosedBecause,
  must,
  type PlaceStatus,
  planAttendance,
  planCancellation,
  planPromotions,
  planRegistration,
  planWalkIn,
  planWalkInRemoval,
  queueTime,
  refusalError,
  type Slot,
} from "./registration.js";
import * as repo from "./sessions.repository.js";

/**
 * The registration core applied: register, cancel, move up from the waitlist, attendance, walk-ins —
 * each keyed by a session id, in the caller's tenant transaction, with the session's row locked first
 * (repo.lockSlot) so that concurrent requests are decided one after the other. A health-day time slot
 * is a participation_session too and goes through these functions unchanged.
 */

export interface LockedSlot {
  row: repo.SlotRow;
  slot: Slot;
}

export interface LockedSession extends LockedSlot {
  /** The latest queue time among the session's rows, read under the lock. */
  latestQueuedAt: Date | null;
}

export function toSlot(row: repo.SlotRow, placesTaken: number): Slot {
  return {
    status: row.status,
    parentOpen: row.parentStatus === "open" || row.parentStatus === "registration_open",
    startsAt: row.startsAt,
    registrationDeadline: row.registrationDeadline,
    capacity: row.capacity,
    waitlistEnabled: row.waitlistEnabled,
    placesTaken,
  };
}

/** Locks the session for the rest of the transaction; another company's or an unknown id is a 404. */
export async function lockSession(scope: TenantScope, sessionId: string): Promise<LockedSession> {
  const row = await repo.lockSlot(scope, sessionId);
  if (!row) throw AppError.notFound("Session");
  const { taken, latestQueuedAt } = await repo.placesTaken(scope, sessionId);
  return { row, slot: toSlot(row, taken), latestQueuedAt };
}

/** What the place helper below writes, as `participation.<action>` (the audit registry labels each one). */
export const PLACE_AUDIT_ACTIONS = [
  "registered",
  "waitlisted",
  "cancelled",
  "promoted",
  "attendance_set",
  "walk_in",
  "walk_in_removed",
] as const;

async function audit(
  scope: TenantScope,
  action: (typeof PLACE_AUDIT_ACTIONS)[number],
  place: repo.PlaceRow,
  details: { from: PlaceStatus | null; to: PlaceStatus } & Record<string, unknown>,
) {
  await scope.audit({
    action: `participation.${action}`,
    entityType: "participation",
    entityId: place.id,
    details: { sessionId: place.sessionId, employeeId: place.employeeId, ...details },
  });
}

export interface PlaceResult {
  place: repo.PlaceRow;
  waitlistPosition: number | null;
  /** Something changed (201 for a registration); false when the existing place was answered as it was. */
  changed: boolean;
}

/** A registration or cancellation as the core decided it, with the session's calendar facts for the caller's mails. */
export interface PlaceChange extends PlaceResult {
  facts: SessionFacts;
}

/**
 * An employee asks for a place: registered while places are free, else waitlisted (if the session has
 * a waitlist). No mail: `register` (one session) and the whole-course registration each tell the person their own way.
 */
export async function takePlace(a: Acting, sessionId: string, who: EmployeeFacts): Promise<PlaceChange> {
  const { scope } = a;
  const { row, slot, latestQueuedAt } = await lockSession(scope, sessionId);
  // The clock is read after the lock, and queue times strictly increase: the position told to this
  // person is the position they keep, however the concurrent requests were scheduled.
  const now = queueTime(nowOf(a), latestQueuedAt);
  const current = await repo.findPlace(scope, sessionId, who.id);
  const plan = must(planRegistration(slot, current?.status ?? null, who, now));
  const facts = sessionFacts(row);
  if (plan.action === "keep") {
    const place = current as repo.PlaceRow;
    return { place, waitlistPosition: await repo.waitlistPosition(scope, place), changed: false, facts };
  }
  const place =
    plan.action === "insert"
      ? await repo.insertPlace(scope, { sessionId, employeeId: who.id, status: plan.to, changedBy: scope.userId, at: now })
      : await repo.updatePlace(scope, (current as repo.PlaceRow).id, {
          status: plan.to,
          changedBy: scope.userId,
          at: now,
          requeue: true,
          walkIn: false,
        });
  await audit(scope, plan.to, place, { from: current?.status ?? null, to: plan.to });
  return { place, waitlistPosition: await repo.waitlistPosition(scope, place), changed: true, facts };
}

/** One session: the place (or waitlist entry) and a mail saying which, with the .ics for a place. */
export async function register(a: Acting, sessionId: string, who: EmployeeFacts): Promise<Outcome<PlaceResult>> {
  const { facts, ...result } = await takePlace(a, sessionId, who);
  if (!result.changed) return { result, mails: [] };
  const mail =
    result.place.status === "registered"
      ? placeMail({ kind: "registered" }, facts, a.calendar, who.email)
      : placeMail({ kind: "waitlisted", position: result.waitlistPosition ?? 1 }, facts, a.calendar, who.email);
  return { result, mails: [mail] };
}

/**
 * An employee gives up their place (or leaves the waitlist); the first waiting person moves up. The
 * mails are the promoted people's; the person's own confirmation is the caller's.
 */
export async function givePlace(a: Acting, sessionId: string, who: EmployeeFacts): Promise<Outcome<PlaceChange & { heldPlace: boolean }>> {
  const { scope } = a;
  const now = nowOf(a);
  const locked = await lockSession(scope, sessionId);
  const current = await repo.findPlace(scope, sessionId, who.id);
  const plan = must(planCancellation(locked.slot, current?.status ?? null, now));
  const existing = current as repo.PlaceRow;
  const facts = sessionFacts(locked.row);
  if (plan.action === "keep") {
    return { result: { place: existing, waitlistPosition: null, changed: false, facts, heldPlace: false }, mails: [] };
  }
  const place = await repo.updatePlace(scope, existing.id, { status: "cancelled", changedBy: scope.userId, at: now });
  await audit(scope, "cancelled", place, { from: plan.from, to: "cancelled" });
  const mails = plan.freesPlace
    ? await fillFreePlaces(a, { ...locked, slot: { ...locked.slot, placesTaken: locked.slot.placesTaken - 1 } })
    : [];
  return { result: { place, waitlistPosition: null, changed: true, facts, heldPlace: plan.freesPlace }, mails };
}

/** One session given up: the person's confirmation (a cancelling .ics for a place) and the promoted people's mails. */
export async function cancel(a: Acting, sessionId: string, who: EmployeeFacts): Promise<Outcome<PlaceResult>> {
  const { result, mails } = await givePlace(a, sessionId, who);
  const { facts, heldPlace, ...place } = result;
  if (!place.changed) return { result: place, mails: [] };
  return { result: place, mails: [placeMail({ kind: "cancelled_by_me", heldPlace }, facts, a.calendar, who.email), ...mails] };
}

/**
 * Gives free places to the waitlist in queue order (the session must be locked by the caller). Each
 * person who moves up gets an in-app notification (if they have an account) and a mail with the .ics.
 */
export async function fillFreePlaces(a: Acting, locked: LockedSlot): Promise<Mail[]> {
  const { scope } = a;
  const now = nowOf(a);
  const waiting = await repo.listWaiting(scope, locked.row.id);
  const movingUp = planPromotions(locked.slot, waiting, now);
  if (movingUp.length === 0) return [];
  const people = new Map(
    (
      await findEmployeesByIds(
        scope,
        movingUp.map((p) => p.employeeId),
      )
    ).map((e) => [e.id, e]),
  );
  const facts = sessionFacts(locked.row);
  const notice = promotedNotice(facts);
  const mails: Mail[] = [];
  for (const waitingPlace of movingUp) {
    const place = await repo.updatePlace(scope, waitingPlace.id, { status: "registered", changedBy: scope.userId, at: now });
    await audit(scope, "promoted", place, { from: "waitlisted", to: "registered" });
    const person = people.get(place.employeeId);
    if (!person) continue;
    if (person.userId) {
      await notifyUser(scope.tx, {
        orgId: scope.orgId,
        userId: person.userId,
        kind: "participation.promoted",
        title: notice.title,
        body: notice.body,
        link: START_PAGE,
      });
    }
    mails.push(placeMail({ kind: "promoted" }, facts, a.calendar, person.email));
  }
  return mails;
}

/** The manager marks one person attended or no-show, or takes the mark back to registered (a correction). */
export async function setAttendance(
  a: Acting,
  sessionId: string,
  employeeId: string,
  to: "attended" | "no_show" | "registered",
): Promise<boolean> {
  const { scope } = a;
  const { slot } = await lockSession(scope, sessionId);
  const current = await repo.findPlace(scope, sessionId, employeeId);
  const plan = must(planAttendance(slot, current?.status ?? null, to, nowOf(a)));
  if (plan.action === "keep") return false;
  const place = await repo.updatePlace(scope, (current as repo.PlaceRow).id, { status: plan.to, changedBy: scope.userId, at: nowOf(a) });
  await audit(scope, "attendance_set", place, { from: plan.from, to: plan.to, correction: plan.from !== "registered" });
  return true;
}

/** "Alle teilgenommen": everyone still registered is marked attended; marks already set stay. */
export async function markAllAttended(a: Acting, sessionId: string): Promise<number> {
  const { scope } = a;
  const now = nowOf(a);
  const { slot, row } = await lockSession(scope, sessionId);
  // Refused before the doors open even when nobody is registered: the answer must not depend on the list.
  const closed = attendanceClosedBecause(slot, now);
  if (closed) throw refusalError(closed);
  const places = (await repo.listPlaces(scope, row.id)).filter((p) => p.status === "registered");
  let marked = 0;
  for (const p of places) {
    const plan = must(planAttendance(slot, p.status, "attended", now));
    if (plan.action === "keep") continue;
    const place = await repo.updatePlace(scope, p.id, { status: "attended", changedBy: scope.userId, at: now });
    await audit(scope, "attendance_set", place, { from: plan.from, to: "attended", correction: false, all: true });
    marked++;
  }
  return marked;
}

/** Someone of the register came without a place (or from the waitlist): an attended row, marked as walk-in. */
export async function addWalkIn(a: Acting, sessionId: string, who: EmployeeFacts): Promise<boolean> {
  const { scope } = a;
  const now = nowOf(a);
  const { slot } = await lockSession(scope, sessionId);
  const current = await repo.findPlace(scope, sessionId, who.id);
  const plan = must(planWalkIn(slot, current?.status ?? null, who, now));
  if (plan.action === "keep") return false;
  const place =
    plan.action === "insert"
      ? await repo.insertPlace(scope, { sessionId, employeeId: who.id, status: "attended", walkIn: true, changedBy: scope.userId, at: now })
      : await repo.updatePlace(scope, (current as repo.PlaceRow).id, {
          status: "attended",
          changedBy: scope.userId,
          at: now,
          ...(plan.walkIn ? { walkIn: true } : {}),
        });
  await audit(scope, "walk_in", place, { from: current?.status ?? null, to: "attended", walkIn: place.walkIn });
  return true;
}

/**
 * Takes out a walk-in added by mistake. A row the walk-in created is deleted: the person never asked
 * for a place, so a cancelled row would put a cancellation they never made into their own history
 * and their data export. A row that existed before (waiting or cancelled) goes back to that status
 * (a waiting person keeps their queue time: a walk-in never re-queues). Either way the audit log keeps
 * both entries — who added the walk-in, who took it out, when, and from which status — which is the
 * trail; the table holds only what is true now. A freed place goes to the waitlist as after any cancellation.
 */
export async function removeWalkIn(a: Acting, sessionId: string, employeeId: string): Promise<Outcome<boolean>> {
  const { scope } = a;
  const locked = await lockSession(scope, sessionId);
  const current = await repo.findPlace(scope, sessionId, employeeId);
  const before = current?.walkIn ? await statusBeforeWalkIn(scope, current.id) : null;
  const plan = must(planWalkInRemoval(current, before));
  const existing = current as repo.PlaceRow;
  const details = { sessionId, employeeId, from: plan.from, walkIn: true };
  if (plan.action === "delete") {
    await repo.deletePlace(scope, existing.id);
    await scope.audit({
      action: "participation.walk_in_removed",
      entityType: "participation",
      entityId: existing.id,
      details: { ...details, to: null },
    });
  } else {
    const place = await repo.updatePlace(scope, existing.id, { status: plan.to, changedBy: scope.userId, at: nowOf(a), walkIn: false });
    await audit(scope, "walk_in_removed", place, { ...details, to: plan.to });
  }
  const mails = await fillFreePlaces(a, { ...locked, slot: { ...locked.slot, placesTaken: locked.slot.placesTaken - 1 } });
  return { result: true, mails };
}

/** The status a walk-in row had before its latest walk-in, from that walk-in's audit entry (null: none). */
async function statusBeforeWalkIn(scope: TenantScope, placeId: string): Promise<PlaceStatus | null> {
  const seen = await lastRecordedPerDetail(scope.tx, {
    orgId: scope.orgId,
    action: "participation.walk_in",
    entityType: "participation",
    entityId: placeId,
    detailKey: "from",
  });
  let latest: { from: string | null; at: number } | null = null;
  for (const [from, at] of seen) if (!latest || at.getTime() > latest.at) latest = { from: from ?? null, at: at.getTime() };
  return (latest?.from as PlaceStatus | null | undefined) ?? null;
}
