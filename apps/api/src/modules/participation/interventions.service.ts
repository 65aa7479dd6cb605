import {
  type CreateIntervention,
  type CreateSessions,
  type CursorQuery,
  defaultApproach,
  defaultFieldOfAction,
  GKV_FIELD_OF_ACTION_KEYS,
  type GkvFieldOfActionKey,
  type HealthDaySlotChange,
  type Intervention,
  OFFERING_CATEGORIES,
  type UpdateIntervention,
  type UpdateSession,
} from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findPlannedIntervention } from "../bgm-process/index.js";
import { findEmployeesByIds } from "../employees/index.js";
import { findEngagementWithParties } from "../engagements/index.js";
import { findOfferingFacts } from "../marketplace/index.js";
import { type Acting, nowOf, type Outcome } from "./acting.js";
import { stationOf } from "./attendance.service.js";
import { addLocalDays } from "./berlin-time.js";
import * as irepo from "./interventions.repository.js";
import { interventionCancelledMail, interventionChangedMail, placeMail, type SessionFacts } from "./messages.js";
import { sessionFacts, toIntervention, toInterventionSummary, toSession } from "./participation.mappers.js";
import { fillFreePlaces, lockSession, toSlot } from "./places.service.js";
import { attendanceOpensAt, holdsPlace } from "./registration.js";
import * as srepo from "./sessions.repository.js";
import { checkStationSlotChange } from "./station-slots.service.js";

/** Engagement states in which the order runs, so the sessions it delivers can be documented. */
export const RUNNING_ENGAGEMENT_STATUSES = ["accepted", "in_progress", "delivered"] as const;

const CATEGORY_KEYS = new Set<string>(OFFERING_CATEGORIES.map((c) => c.key));

/** The §20 certification to carry over from an offering: a ZPP course id if it names one, else its §20/ZPP mark. */
export function pickCertification(certifications: readonly string[]): string | null {
  const relevant = certifications.map((c) => c.trim()).filter((c) => /zpp|§\s*20|prüfstelle/i.test(c));
  return relevant.find((c) => /\d{3,}/.test(c) && !/^§\s*20\b/.test(c)) ?? relevant.find((c) => /zpp/i.test(c)) ?? relevant[0] ?? null;
}

export async function loadIntervention(scope: TenantScope, id: string): Promise<Intervention> {
  const row = await irepo.findIntervention(scope, id);
  if (!row) throw AppError.notFound("Intervention");
  const sessions = await srepo.listSessions(scope, [id]);
  const counts = await srepo.countsBySession(
    scope,
    sessions.map((s) => s.id),
  );
  return toIntervention(row, sessions, counts);
}

export async function listInterventions(scope: TenantScope, query: CursorQuery & { status?: irepo.InterventionStatus }) {
  const { cursor, limit, status } = query;
  const rows = await irepo.listInterventions(scope, { status }, { after: decodeCursor(cursor, irepo.InterventionCursor), limit });
  return toPage(rows, limit, irepo.interventionCursorKey, toInterventionSummary);
}

interface Prefill {
  title?: string;
  description?: string;
  category?: string;
  targetGroup?: string;
  costCents?: number | null;
  certificationId?: string | null;
  providerOrgId?: string | null;
  engagementId?: string | null;
  plannedInterventionId?: string | null;
}

async function prefillFrom(scope: TenantScope, source: CreateIntervention["source"]): Promise<Prefill> {
  if (source.kind === "direct") return {};
  if (source.kind === "planned") {
    const planned = await findPlannedIntervention(scope, source.plannedInterventionId);
    if (!planned) throw AppError.notFound("Planned intervention");
    if (planned.status !== "adopted") {
      throw new AppError(
        "planned_not_adopted",
        "Only an intervention adopted into the plan (phase 3) can be run",
        { status: planned.status },
        409,
      );
    }
    const existing = await irepo.findByPlanned(scope, planned.id);
    if (existing) {
      throw new AppError(
        "already_created",
        "This planned intervention already runs as an intervention",
        { interventionId: existing.id },
        409,
      );
    }
    return {
      title: planned.title,
      description: planned.description,
      category: planned.category,
      targetGroup: planned.targetGroup,
      costCents: planned.costEstimateCents,
      plannedInterventionId: planned.id,
    };
  }
  const engagement = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: "company" }, source.engagementId);
  if (!engagement) throw AppError.notFound("Engagement");
  if (!(RUNNING_ENGAGEMENT_STATUSES as readonly string[]).includes(engagement.status)) {
    throw new AppError(
      "engagement_not_running",
      "Only an accepted engagement or one in progress can deliver an intervention",
      { status: engagement.status, allowed: RUNNING_ENGAGEMENT_STATUSES },
      409,
    );
  }
  const offer = (await findOfferingFacts(scope.tx, [engagement.offeringId])).get(engagement.offeringId);
  return {
    title: offer?.title,
    description: offer?.description,
    category: offer?.category,
    certificationId: offer ? pickCertification(offer.certifications) : null,
    providerOrgId: engagement.providerOrgId,
    engagementId: engagement.id,
  };
}

const required = (field: string) => AppError.unprocessable(`The intervention needs a ${field}`, { field });

export async function createIntervention(scope: TenantScope, input: CreateIntervention): Promise<Intervention> {
  const prefill = await prefillFrom(scope, input.source);
  const title = input.title ?? prefill.title?.trim().slice(0, 200);
  if (!title) throw required("title");
  const category = input.category ?? prefill.category;
  if (!category) throw required("category");
  if (!CATEGORY_KEYS.has(category)) {
    throw AppError.unprocessable("The source's category is not a marketplace category; choose one", { field: "category", value: category });
  }
  const fieldOfAction: GkvFieldOfActionKey = input.fieldOfAction ?? defaultFieldOfAction(category);
  if (!(GKV_FIELD_OF_ACTION_KEYS as readonly string[]).includes(fieldOfAction)) throw required("fieldOfAction");
  const row = await irepo.insertIntervention(scope, {
    title,
    description: input.description ?? prefill.description?.slice(0, 5000) ?? "",
    category,
    fieldOfAction,
    approach: input.approach ?? defaultApproach(fieldOfAction),
    targetGroup: input.targetGroup ?? prefill.targetGroup?.slice(0, 200) ?? "",
    certificationId: input.certificationId !== undefined ? input.certificationId : (prefill.certificationId ?? null),
    costCents: input.costCents !== undefined ? input.costCents : (prefill.costCents ?? null),
    providerOrgId: prefill.providerOrgId ?? null,
    engagementId: prefill.engagementId ?? null,
    plannedInterventionId: prefill.plannedInterventionId ?? null,
    createdBy: scope.userId,
  });
  await scope.audit({
    action: "participation.intervention_created",
    entityType: "intervention",
    entityId: row.id,
    details: {
      source: input.source.kind,
      ...(row.engagementId ? { engagementId: row.engagementId } : {}),
      ...(row.plannedInterventionId ? { plannedInterventionId: row.plannedInterventionId } : {}),
    },
  });
  return loadIntervention(scope, row.id);
}

async function lockIntervention(scope: TenantScope, id: string) {
  const row = await irepo.findIntervention(scope, id, { lock: true });
  if (!row) throw AppError.notFound("Intervention");
  return row;
}

const cancelledIntervention = () =>
  new AppError("intervention_cancelled", "The intervention was cancelled; it cannot change any more", { status: "cancelled" }, 409);

/**
 * Changes the intervention's description fields. Its title and description are in every calendar
 * entry of its sessions (SUMMARY, DESCRIPTION): when either changes, each session not yet over gets a
 * higher SEQUENCE and everyone holding a place in one gets one mail with an updated .ics per session
 * (same UID, METHOD:REQUEST), so their calendars follow. People on the waitlist hold no entry and are
 * not mailed; their start page shows the new text.
 */
export async function updateIntervention(a: Acting, id: string, patch: z.infer<typeof UpdateIntervention>): Promise<Outcome<Intervention>> {
  const { scope } = a;
  const row = await lockIntervention(scope, id);
  if (row.status === "cancelled") throw cancelledIntervention();
  const updated = await irepo.updateIntervention(scope, id, patch);
  if (!updated) throw AppError.notFound("Intervention");
  const calendarChanged =
    (patch.title !== undefined && patch.title !== row.title) || (patch.description !== undefined && patch.description !== row.description);
  const perPerson = calendarChanged ? await raiseSequences(a, { ...updated }) : new Map<string, SessionFacts[]>();
  await scope.audit({
    action: "participation.intervention_updated",
    entityType: "intervention",
    entityId: id,
    details: { fields: Object.keys(patch).sort(), ...(calendarChanged ? { peopleInformed: perPerson.size } : {}) },
  });
  const people = await findEmployeesByIds(scope, [...perPerson.keys()]);
  const mails = people.map((e) => interventionChangedMail(updated.title, perPerson.get(e.id) ?? [], a.calendar, e.email));
  return { result: await loadIntervention(scope, id), mails };
}

/**
 * Under the intervention's lock: every scheduled session not yet over gets the next SEQUENCE (its
 * calendar entry changed); answers, per person holding a place in one, the sessions to send again.
 */
async function raiseSequences(a: Acting, parent: { id: string; title: string; description: string }): Promise<Map<string, SessionFacts[]>> {
  const { scope } = a;
  const now = nowOf(a);
  const perPerson = new Map<string, SessionFacts[]>();
  const sessions = (await srepo.listSessions(scope, [parent.id])).filter((s) => s.status === "scheduled" && s.endsAt > now);
  for (const s of sessions) {
    const { row: locked } = await lockSession(scope, s.id);
    const bumped = await srepo.updateSession(scope, s.id, { icsSequence: locked.icsSequence + 1 });
    if (!bumped) continue;
    const facts = sessionFacts({ ...bumped, title: parent.title, description: parent.description });
    for (const p of await srepo.listConcerned(scope, s.id)) {
      if (!holdsPlace(p.status)) continue;
      perPerson.set(p.employeeId, [...(perPerson.get(p.employeeId) ?? []), facts]);
    }
  }
  return perPerson;
}

/**
 * Close (done, kept for reports; no more registrations) or reopen a closed one. Reopening moves
 * waiting people up: while it was closed, cancellations freed places nobody could move up to
 * (promotions wait for an open intervention), and the queue must get them before anyone new registers.
 */
export async function setInterventionOpen(a: Acting, id: string, open: boolean): Promise<Outcome<Intervention>> {
  const { scope } = a;
  const row = await lockIntervention(scope, id);
  if (row.status === "cancelled") throw cancelledIntervention();
  const to = open ? "open" : "closed";
  if (row.status !== to) {
    await irepo.updateIntervention(scope, id, { status: to });
    await scope.audit({
      action: open ? "participation.intervention_reopened" : "participation.intervention_closed",
      entityType: "intervention",
      entityId: id,
      details: { from: row.status, to },
    });
  }
  const mails: Mail[] = [];
  if (open) {
    // Also when it was open already: a no-op unless a place is free while people wait.
    for (const s of await srepo.listSessions(scope, [id], { scheduledAfter: nowOf(a) })) {
      mails.push(...(await fillFreePlaces(a, await lockSession(scope, s.id))));
    }
  }
  return { result: await loadIntervention(scope, id), mails };
}

/**
 * Calls the intervention off: every session still scheduled is cancelled, and everyone registered or
 * waiting gets one mail (with a cancelling .ics per session they held a place in). Rows stay as they were.
 */
export async function cancelIntervention(a: Acting, id: string): Promise<Outcome<Intervention>> {
  const { scope } = a;
  const row = await lockIntervention(scope, id);
  if (row.status === "cancelled") return { result: await loadIntervention(scope, id), mails: [] };
  const sessions = (await srepo.listSessions(scope, [id])).filter((s) => s.status === "scheduled");
  const perPerson = new Map<string, { facts: SessionFacts; registered: boolean }[]>();
  for (const s of sessions) {
    const { row: locked } = await lockSession(scope, s.id);
    const updated = await srepo.updateSession(scope, s.id, { status: "cancelled", icsSequence: locked.icsSequence + 1 });
    if (!updated) continue;
    const facts = sessionFacts({ ...updated, title: row.title, description: row.description });
    for (const p of await srepo.listConcerned(scope, s.id)) {
      if (p.status !== "registered" && p.status !== "waitlisted") continue;
      const list = perPerson.get(p.employeeId) ?? [];
      list.push({ facts, registered: p.status === "registered" });
      perPerson.set(p.employeeId, list);
    }
  }
  await irepo.updateIntervention(scope, id, { status: "cancelled" });
  await scope.audit({
    action: "participation.intervention_cancelled",
    entityType: "intervention",
    entityId: id,
    details: { from: row.status, to: "cancelled", sessionsCancelled: sessions.length, peopleInformed: perPerson.size },
  });
  const people = await findEmployeesByIds(scope, [...perPerson.keys()]);
  const mails = people.map((e) => interventionCancelledMail(row.title, perPerson.get(e.id) ?? [], a.calendar, e.email));
  return { result: await loadIntervention(scope, id), mails };
}

/** One session or a weekly series, all in the caller's one transaction: all are created or none. */
export async function createSessions(scope: TenantScope, interventionId: string, input: CreateSessions): Promise<Intervention> {
  const row = await lockIntervention(scope, interventionId);
  if (row.status !== "open") {
    throw new AppError("intervention_not_open", "Sessions can only be added to an open intervention", { status: row.status }, 409);
  }
  const count = input.repeat?.count ?? 1;
  const step = 7 * (input.repeat?.everyWeeks ?? 1);
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  const deadline = input.registrationDeadline ? new Date(input.registrationDeadline) : null;
  const values = Array.from({ length: count }, (_, i) => ({
    interventionId,
    startsAt: addLocalDays(start, i * step),
    endsAt: addLocalDays(end, i * step),
    registrationDeadline: deadline ? addLocalDays(deadline, i * step) : null,
    location: input.location,
    onlineUrl: input.onlineUrl,
    capacity: input.capacity,
    waitlistEnabled: input.waitlistEnabled,
  }));
  const created = await srepo.insertSessions(scope, values);
  await irepo.updateIntervention(scope, interventionId, {});
  await scope.audit({
    action: "participation.sessions_created",
    entityType: "intervention",
    entityId: interventionId,
    details: { sessionIds: created.map((s) => s.id), count: created.length, everyWeeks: input.repeat ? input.repeat.everyWeeks : null },
  });
  return loadIntervention(scope, interventionId);
}

const CALENDAR_FIELDS = ["startsAt", "endsAt", "location", "onlineUrl"] as const;

/**
 * Changes a session. A change people's calendars show (time, place, link) raises the SEQUENCE of its
 * .ics and tells everyone registered (updated .ics) or waiting (a mail without one: they hold no calendar
 * entry). Lowering the capacity below the places already given is refused (409 `capacity_below_places`);
 * raising it moves waiting people up.
 */
export async function updateSession(a: Acting, sessionId: string, patch: z.infer<typeof UpdateSession>): Promise<Outcome<SessionAnswer>> {
  const { scope } = a;
  const locked = await lockSession(scope, sessionId);
  const { row } = locked;
  if (row.status === "cancelled") throw new AppError("session_cancelled", "The session was cancelled", undefined, 409);
  refuseClosedParent(row);
  const startsAt = patch.startsAt ? new Date(patch.startsAt) : row.startsAt;
  const endsAt = patch.endsAt ? new Date(patch.endsAt) : row.endsAt;
  const deadline =
    patch.registrationDeadline === undefined
      ? row.registrationDeadline
      : patch.registrationDeadline === null
        ? null
        : new Date(patch.registrationDeadline);
  if (endsAt <= startsAt) throw AppError.unprocessable("A session ends after it starts", { field: "endsAt" });
  if (deadline && deadline > startsAt) {
    throw AppError.unprocessable("The registration deadline is at the latest when the session starts", { field: "registrationDeadline" });
  }
  if (patch.capacity !== undefined && patch.capacity < locked.slot.placesTaken) {
    throw new AppError(
      "capacity_below_places",
      `${locked.slot.placesTaken} places are taken; the capacity cannot go below that. Cancel places first or keep the capacity.`,
      { placesTaken: locked.slot.placesTaken, capacity: row.capacity },
      409,
    );
  }
  // Marks taken at the door stay true only for a session that has begun: it cannot move back into the future.
  if (startsAt.getTime() !== row.startsAt.getTime() && attendanceOpensAt({ startsAt }) > nowOf(a)) {
    const counts = (await srepo.countsBySession(scope, [sessionId])).get(sessionId);
    const marked = (counts?.attended ?? 0) + (counts?.noShow ?? 0);
    if (marked > 0) {
      throw new AppError(
        "attendance_recorded",
        "Attendance was recorded for this session; it cannot move to a later start. Take the marks back first.",
        { marked },
        409,
      );
    }
  }
  // A health-day slot stays within its day's timeline: dates, rooms, the provider, the offering's capacity.
  const timelineChanged = ["startsAt", "endsAt", "location", "capacity"].some((f) => patch[f as keyof typeof patch] !== undefined);
  if (row.healthDayModuleId && timelineChanged) {
    await checkStationSlotChange(scope, {
      id: sessionId,
      healthDayModuleId: row.healthDayModuleId,
      startsAt,
      endsAt,
      location: patch.location ?? row.location,
      capacity: patch.capacity ?? row.capacity,
    });
  }
  const calendarChanged = CALENDAR_FIELDS.some((f) => {
    if (patch[f] === undefined) return false;
    const before = row[f];
    const after = patch[f];
    return before instanceof Date ? before.getTime() !== new Date(after as string).getTime() : before !== after;
  });
  const updated = await srepo.updateSession(scope, sessionId, {
    startsAt,
    endsAt,
    registrationDeadline: deadline,
    ...(patch.location !== undefined ? { location: patch.location } : {}),
    ...(patch.onlineUrl !== undefined ? { onlineUrl: patch.onlineUrl } : {}),
    ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    ...(patch.waitlistEnabled !== undefined ? { waitlistEnabled: patch.waitlistEnabled } : {}),
    ...(calendarChanged ? { icsSequence: row.icsSequence + 1 } : {}),
  });
  if (!updated) throw AppError.notFound("Session");
  await scope.audit({
    action: "participation.session_updated",
    entityType: "participation_session",
    entityId: sessionId,
    details: { ...parentRef(row), fields: Object.keys(patch).sort(), icsSequence: updated.icsSequence },
  });
  const fresh = { ...updated, title: row.title, description: row.description, parentStatus: row.parentStatus };
  const mails: Mail[] = [];
  if (calendarChanged) {
    mails.push(...(await mailPlaceHolders(a, await placeHolders(scope, sessionId), "session_changed", sessionFacts(fresh))));
  }
  mails.push(
    ...(await fillFreePlaces(a, {
      row: fresh,
      slot: { ...locked.slot, capacity: updated.capacity, startsAt, registrationDeadline: deadline },
    })),
  );
  return { result: await sessionAnswer(scope, row), mails };
}

/** Cancels one session: a cancelling .ics (METHOD:CANCEL) to everyone registered, a mail to everyone waiting. */
export async function cancelSession(a: Acting, sessionId: string): Promise<Outcome<SessionAnswer>> {
  const { scope } = a;
  const { row } = await lockSession(scope, sessionId);
  if (row.status === "cancelled") return { result: await sessionAnswer(scope, row), mails: [] };
  const updated = await srepo.updateSession(scope, sessionId, { status: "cancelled", icsSequence: row.icsSequence + 1 });
  if (!updated) throw AppError.notFound("Session");
  const concerned = await placeHolders(scope, sessionId);
  await scope.audit({
    action: "participation.session_cancelled",
    entityType: "participation_session",
    entityId: sessionId,
    details: { ...parentRef(row), from: "scheduled", to: "cancelled", peopleInformed: concerned.length },
  });
  const facts = sessionFacts({ ...updated, title: row.title, description: row.description });
  const mails = await mailPlaceHolders(a, concerned, "session_cancelled", facts);
  return { result: await sessionAnswer(scope, row), mails };
}

/**
 * Takes a cancelled session up again (called off by mistake, or the date holds after all), while it
 * still lies ahead and its intervention is not cancelled. Places stayed recorded when it was cancelled,
 * so everyone registered has their place again: they get a calendar file with the next SEQUENCE
 * (METHOD:REQUEST, the entry their calendar removed comes back), waiting people a mail; free places
 * go to the waitlist.
 */
export async function reopenSession(a: Acting, sessionId: string): Promise<Outcome<SessionAnswer>> {
  const { scope } = a;
  const locked = await lockSession(scope, sessionId);
  const { row } = locked;
  refuseClosedParent(row);
  if (row.status === "scheduled") return { result: await sessionAnswer(scope, row), mails: [] };
  if (row.startsAt <= nowOf(a))
    throw new AppError("session_started", "The session lies in the past; it cannot be taken up again", undefined, 409);
  const updated = await srepo.updateSession(scope, sessionId, { status: "scheduled", icsSequence: row.icsSequence + 1 });
  if (!updated) throw AppError.notFound("Session");
  const concerned = await placeHolders(scope, sessionId);
  await scope.audit({
    action: "participation.session_reopened",
    entityType: "participation_session",
    entityId: sessionId,
    details: { ...parentRef(row), from: "cancelled", to: "scheduled", peopleInformed: concerned.length, icsSequence: updated.icsSequence },
  });
  const fresh = { ...updated, title: row.title, description: row.description, parentStatus: row.parentStatus };
  const mails = await mailPlaceHolders(a, concerned, "session_reopened", sessionFacts(fresh));
  mails.push(...(await fillFreePlaces(a, { row: fresh, slot: toSlot(fresh, locked.slot.placesTaken) })));
  return { result: await sessionAnswer(scope, row), mails };
}

/**
 * What the manager's session routes answer: the intervention with its sessions, or for a health-day slot
 * (ADR 0014) the slot itself with its station and day, read through the registered slot parent source.
 */
export type SessionAnswer = Intervention | HealthDaySlotChange;

async function sessionAnswer(scope: TenantScope, row: srepo.SlotRow): Promise<SessionAnswer> {
  if (row.interventionId) return loadIntervention(scope, row.interventionId);
  const fresh = await srepo.findSlot(scope, row.id);
  const station = fresh ? stationOf(fresh) : null;
  if (!fresh || !station) throw AppError.notFound("Session");
  const counts = (await srepo.countsBySession(scope, [row.id])).get(row.id);
  return {
    kind: "health_day_slot",
    healthDayId: station.healthDayId,
    healthDayTitle: station.healthDayTitle,
    stationId: station.stationId,
    stationTitle: station.stationTitle,
    session: toSession(fresh, counts),
  };
}

/** The parent in audit details: the intervention, or the health-day station of a slot. */
const parentRef = (row: srepo.SlotRow) =>
  row.interventionId ? { interventionId: row.interventionId } : { healthDayModuleId: row.healthDayModuleId };

/**
 * A session of a cancelled intervention cannot change; a slot of a health day cancelled or done neither
 * (the same refusals as the day's own routes).
 */
function refuseClosedParent(row: srepo.SlotRow): void {
  if (row.interventionId) {
    if (row.parentStatus === "cancelled") throw cancelledIntervention();
    return;
  }
  if (row.parentStatus === "cancelled")
    throw new AppError("health_day_cancelled", "The health day was cancelled; it cannot change any more", { status: "cancelled" }, 409);
  if (row.parentStatus === "done")
    throw new AppError("health_day_done", "The health day is over; it cannot change any more", { status: "done" }, 409);
}

/** Everyone with a place or on the waitlist of a session: the people a change of the session concerns. */
async function placeHolders(scope: TenantScope, sessionId: string): Promise<srepo.PlaceRow[]> {
  return (await srepo.listConcerned(scope, sessionId)).filter((p) => p.status === "registered" || p.status === "waitlisted");
}

/** One mail per person about a change of their session, worded for a place or a waitlist spot. */
async function mailPlaceHolders(
  a: Acting,
  concerned: readonly srepo.PlaceRow[],
  kind: "session_changed" | "session_cancelled" | "session_reopened",
  facts: SessionFacts,
): Promise<Mail[]> {
  const people = new Map(
    (
      await findEmployeesByIds(
        a.scope,
        concerned.map((p) => p.employeeId),
      )
    ).map((e) => [e.id, e]),
  );
  return concerned.flatMap((p) => {
    const person = people.get(p.employeeId);
    return person ? [placeMail({ kind, registered: p.status === "registered" }, facts, a.calendar, person.email)] : [];
  });
}
