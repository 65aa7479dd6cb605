import type { CursorQuery, MyParticipation, OpenIntervention } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { type EmployeeFacts, findEmployeeOfUser } from "../employees/index.js";
import { type Acting, nowOf, type Outcome } from "./acting.js";
import * as irepo from "./interventions.repository.js";
import { sessionIcs } from "./messages.js";
import { sessionFacts, toMyParticipation } from "./participation.mappers.js";
import { cancel, type PlaceResult, register, toSlot } from "./places.service.js";
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
