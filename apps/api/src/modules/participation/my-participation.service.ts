import type { CourseRegistration, CourseSessionPlace, CursorQuery, MyParticipation, OpenIntervention } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { type EmployeeFacts, findEmployeeOfUser } from "../employees/index.js";
import { type Acting, nowOf, type Outcome } from "./acting.js";
import * as irepo from "./interventions.repository.js";
import { courseMail, sessionIcs } from "./messages.js";
import { sessionFacts, toMyParticipation } from "./participation.mappers.js";
import { cancel, givePlace, type PlaceChange, type PlaceResult, register, takePlace, toSlot } from "./places.service.js";
import { freePlaces, holdsPlace, registrationOpen } from "./registration.js";
import * as repo from "./sessions.repository.js";

/**
 * The employee's side: the signed-in user acts as their own row of the employee register (linked by
 * user id in the active company). A member who is not in the register (e.g. a manager without a row)
 * has no places to take.
 */
export async function me(scope: TenantScope): Promise<EmployeeFacts> {
  const row = await findEmployeeOfUser(scope, scope.userId);
  if (!row) {
    throw new AppError("not_in_register", "Your account is not linked to a person of this company's employee register", undefined, 403);
  }
  return row;
}

/** Open interventions with sessions still ahead: free places, whether one can register, and my own place. */
export async function openInterventions(a: Pick<Acting, "scope" | "now">): Promise<{ items: OpenIntervention[]; nextCursor: null }> {
  const { scope } = a;
  const now = nowOf(a);
  const who = await me(scope);
  const interventions = await irepo.listOpenWithFutureSessions(scope, now);
  const sessions = await repo.listSessions(
    scope,
    interventions.map((i) => i.id),
    { scheduledAfter: now },
  );
  const ids = sessions.map((s) => s.id);
  const counts = await repo.countsBySession(scope, ids);
  const mine = await repo.placesOf(scope, who.id, ids);
  const mineBySession = new Map(mine.map((p) => [p.sessionId, p]));
  // Waitlist positions of my waiting rows.
  const positions = new Map<string, number | null>();
  for (const p of mine) if (p.status === "waitlisted") positions.set(p.id, await repo.waitlistPosition(scope, p));
  const items = interventions.map((i) => ({
    id: i.id,
    title: i.title,
    description: i.description,
    category: i.category as OpenIntervention["category"],
    targetGroup: i.targetGroup,
    providerName: i.providerName,
    certificationId: i.certificationId,
    sessions: sessions
      .filter((s) => s.interventionId === i.id)
      .map((s) => {
        const taken = counts.get(s.id)?.registered ?? 0;
        const slot = toSlot({ ...s, title: i.title, description: i.description, parentStatus: i.status }, taken);
        const place = mineBySession.get(s.id);
        return {
          id: s.id,
          interventionId: i.id,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          location: s.location,
          onlineUrl: s.onlineUrl,
          capacity: s.capacity,
          registrationDeadline: s.registrationDeadline?.toISOString() ?? null,
          waitlistEnabled: s.waitlistEnabled,
          status: s.status,
          freePlaces: freePlaces(slot),
          registrationOpen: registrationOpen(slot, now),
          mine: place
            ? { status: place.status, waitlistPosition: positions.get(place.id) ?? null, changedAt: place.changedAt.toISOString() }
            : null,
        };
      }),
  }));
  return { items, nextCursor: null };
}

export async function myHistory(scope: TenantScope, query: CursorQuery) {
  const who = await me(scope);
  const rows = await repo.history(scope, who.id, { after: decodeCursor(query.cursor, repo.HistoryCursor), limit: query.limit });
  return toPage(rows, query.limit, (r) => [r.session.startsAt.toISOString(), r.place.id], toMyParticipation);
}

async function asMine(scope: TenantScope, result: PlaceResult): Promise<MyParticipation> {
  const slot = await repo.findSlot(scope, result.place.sessionId);
  if (!slot) throw AppError.notFound("Session");
  return toMyParticipation({
    place: result.place,
    session: slot,
    interventionTitle: slot.title,
    waitlistPosition: result.waitlistPosition,
  });
}

export async function registerMe(a: Acting, sessionId: string): Promise<Outcome<{ created: boolean; place: MyParticipation }>> {
  const who = await me(a.scope);
  const { result, mails } = await register(a, sessionId, who);
  return { result: { created: result.changed, place: await asMine(a.scope, result) }, mails };
}

export async function cancelMe(a: Acting, sessionId: string): Promise<Outcome<MyParticipation>> {
  const who = await me(a.scope);
  const { result, mails } = await cancel(a, sessionId, who);
  return { result: await asMine(a.scope, result), mails };
}

/** The calendar file of a session I hold a place in (METHOD:PUBLISH; a cancelled session says so). */
export async function myCalendarFile(a: Acting, sessionId: string): Promise<string> {
  const { scope } = a;
  const who = await me(scope);
  const slot = await repo.findSlot(scope, sessionId);
  const place = slot ? await repo.findPlace(scope, sessionId, who.id) : null;
  if (!slot || !place || !holdsPlace(place.status)) {
    throw new AppError("not_registered", "You hold no place in this session", undefined, 404);
  }
  return sessionIcs("PUBLISH", sessionFacts(slot), a.calendar, undefined, nowOf(a));
}

/** The course's scheduled sessions still ahead, in start order (the order every path locks them in). */
async function courseAhead(a: Acting, interventionId: string) {
  const parent = await irepo.findIntervention(a.scope, interventionId);
  if (!parent) throw AppError.notFound("Intervention");
  const sessions = await repo.listSessions(a.scope, [interventionId], { scheduledAfter: nowOf(a) });
  return { parent, sessions };
}

const refusedWith = (e: unknown, code: string): e is AppError => e instanceof AppError && e.code === code;

/** A refusal of one session of a course names the session, so the answer says which date stood in the way. */
function naming(e: unknown, sessionId: string): unknown {
  if (!(e instanceof AppError) || e.code === "not_found") return e;
  const details = typeof e.details === "object" && e.details !== null ? e.details : {};
  return new AppError(e.code, e.message, { ...details, sessionId }, e.status);
}

function courseAnswer(parent: { id: string; title: string }, sessions: CourseSessionPlace[]): CourseRegistration {
  return {
    interventionId: parent.id,
    interventionTitle: parent.title,
    sessions,
    counts: {
      registered: sessions.filter((s) => s.status !== null && holdsPlace(s.status)).length,
      waitlisted: sessions.filter((s) => s.status === "waitlisted").length,
    },
  };
}

function placeOf(s: repo.SessionRow, change: Pick<PlaceChange, "place" | "waitlistPosition" | "changed"> | null): CourseSessionPlace {
  return {
    sessionId: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: change?.place.status ?? null,
    waitlistPosition: change?.waitlistPosition ?? null,
    changed: change?.changed ?? false,
    skipped: null,
  };
}

/**
 * A whole course (e.g. a §20 course of 8 weekly dates, usually booked as a whole) in one call and one
 * transaction: every scheduled session still ahead goes through the same locked core as a single
 * registration, in start order. A session whose deadline has passed is listed as skipped; any other
 * refusal (full without waitlist, intervention closed, person inactive) refuses the whole course and
 * nothing is written. One mail lists the dates, with a calendar file per place.
 */
export async function registerMeForCourse(
  a: Acting,
  interventionId: string,
): Promise<Outcome<{ created: boolean; course: CourseRegistration }>> {
  const who = await me(a.scope);
  const { parent, sessions } = await courseAhead(a, interventionId);
  if (sessions.length === 0) {
    throw new AppError("no_sessions_ahead", "The course has no scheduled session ahead to register for", undefined, 409);
  }
  const places: CourseSessionPlace[] = [];
  const told: { facts: PlaceChange["facts"]; status: "registered" | "waitlisted"; position: number | null }[] = [];
  let closed: AppError | null = null;
  for (const s of sessions) {
    try {
      const change = await takePlace(a, s.id, who);
      places.push(placeOf(s, change));
      const status = change.place.status;
      if (change.changed && (status === "registered" || status === "waitlisted")) {
        told.push({ facts: change.facts, status, position: change.waitlistPosition });
      }
    } catch (e) {
      // Refused before anything was written for this session (the core decides, then writes).
      if (!refusedWith(e, "registration_closed")) throw naming(e, s.id);
      closed = e;
      places.push({ ...placeOf(s, null), skipped: "registration_closed" });
    }
  }
  if (closed && places.every((p) => p.skipped)) throw closed;
  const mails = told.length ? [courseMail("registered", parent.title, told, a.calendar, who.email)] : [];
  return { result: { created: told.length > 0, course: courseAnswer(parent, places) }, mails };
}

/**
 * Gives up the whole course: my place or waitlist entry in every session still ahead, each through the
 * core (a freed place goes to the first waiting person, who is told). Sessions with attendance already
 * recorded (the door opens half an hour early) stay and are listed as skipped. Without any row in the
 * sessions ahead: 404 `not_registered`.
 */
export async function cancelMeForCourse(a: Acting, interventionId: string): Promise<Outcome<CourseRegistration>> {
  const who = await me(a.scope);
  const { parent, sessions } = await courseAhead(a, interventionId);
  const mine = new Map(
    (
      await repo.placesOf(
        a.scope,
        who.id,
        sessions.map((s) => s.id),
      )
    ).map((p) => [p.sessionId, p]),
  );
  if (mine.size === 0) throw new AppError("not_registered", "You hold no place in a session of this course ahead", undefined, 404);
  const places: CourseSessionPlace[] = [];
  const told: { facts: PlaceChange["facts"]; status: "registered" | "waitlisted" }[] = [];
  const mails: Outcome<unknown>["mails"] = [];
  for (const s of sessions) {
    const row = mine.get(s.id);
    if (!row) {
      places.push(placeOf(s, null));
      continue;
    }
    try {
      const { result, mails: promoted } = await givePlace(a, s.id, who);
      places.push(placeOf(s, result));
      if (result.changed) told.push({ facts: result.facts, status: result.heldPlace ? "registered" : "waitlisted" });
      mails.push(...promoted);
    } catch (e) {
      if (!refusedWith(e, "attendance_recorded")) throw naming(e, s.id);
      places.push({ ...placeOf(s, { place: row, waitlistPosition: null, changed: false }), skipped: "attendance_recorded" });
    }
  }
  if (told.length) mails.unshift(courseMail("cancelled", parent.title, told, a.calendar, who.email));
  return { result: courseAnswer(parent, places), mails };
}
