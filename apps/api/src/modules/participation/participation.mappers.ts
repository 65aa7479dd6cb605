import type { Intervention, InterventionSummary, MyParticipation, Session } from "@bgm/domain";
import type { InterventionWithProvider, ListedIntervention } from "./interventions.repository.js";
import type { SessionFacts } from "./messages.js";
import type { HistoryRow, SessionRow, SlotRow, StatusCounts } from "./sessions.repository.js";
import { NO_COUNTS } from "./sessions.repository.js";

const iso = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).toISOString();

export function toSession(s: SessionRow, counts: StatusCounts = NO_COUNTS): Session {
  return {
    id: s.id,
    interventionId: s.interventionId as string,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    location: s.location,
    onlineUrl: s.onlineUrl,
    capacity: s.capacity,
    registrationDeadline: s.registrationDeadline ? iso(s.registrationDeadline) : null,
    waitlistEnabled: s.waitlistEnabled,
    status: s.status,
    counts,
  };
}

function interventionFields(i: InterventionWithProvider) {
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    category: i.category as Intervention["category"],
    fieldOfAction: i.fieldOfAction as Intervention["fieldOfAction"],
    approach: i.approach,
    targetGroup: i.targetGroup,
    providerOrgId: i.providerOrgId,
    providerName: i.providerName,
    engagementId: i.engagementId,
    plannedInterventionId: i.plannedInterventionId,
    certificationId: i.certificationId,
    costCents: i.costCents,
    status: i.status,
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
  };
}

export function toIntervention(i: InterventionWithProvider, sessions: SessionRow[], counts: Map<string, StatusCounts>): Intervention {
  return { ...interventionFields(i), sessions: sessions.map((s) => toSession(s, counts.get(s.id))) };
}

export function toInterventionSummary(r: ListedIntervention): InterventionSummary {
  return {
    ...interventionFields(r),
    sessionCount: r.sessionCount,
    nextSessionStartsAt: r.nextSessionStartsAt ? iso(r.nextSessionStartsAt) : null,
    counts: { registered: r.registered, waitlisted: r.waitlisted, attended: r.attended, noShow: r.noShow },
  };
}

export function toMyParticipation(r: HistoryRow): MyParticipation {
  return {
    sessionId: r.session.id,
    interventionId: r.session.interventionId,
    interventionTitle: r.interventionTitle,
    startsAt: iso(r.session.startsAt),
    endsAt: iso(r.session.endsAt),
    location: r.session.location,
    onlineUrl: r.session.onlineUrl,
    sessionStatus: r.session.status,
    status: r.place.status,
    waitlistPosition: r.waitlistPosition,
    changedAt: iso(r.place.changedAt),
  };
}

export function sessionFacts(s: SlotRow | (SessionRow & { title: string; description: string })): SessionFacts {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.location,
    onlineUrl: s.onlineUrl,
    icsSequence: s.icsSequence,
    cancelled: s.status === "cancelled",
  };
}
