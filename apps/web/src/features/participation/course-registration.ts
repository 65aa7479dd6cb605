import type { CourseRegistration, CourseSessionPlace, OpenIntervention } from "@bgm/domain";

type OpenSession = OpenIntervention["sessions"][number];

const ACTIVE = new Set(["registered", "waitlisted"]);

const ahead = (s: OpenSession, now: number) => s.status === "scheduled" && Date.parse(s.startsAt) > now;

/**
 * Which whole-course actions a card offers. Only a recurring course (more than one scheduled session ahead)
 * gets them: for a single date the per-session button is the same thing. "Book" while some session ahead
 * could still take me (registration open, I hold nothing there); "cancel" while I hold or wait for a place in one.
 */
export function courseActions(sessions: readonly OpenSession[], now: number = Date.now()): { book: boolean; cancel: boolean } {
  const upcoming = sessions.filter((s) => ahead(s, now));
  if (upcoming.length < 2) return { book: false, cancel: false };
  const mine = (s: OpenSession) => s.mine !== null && ACTIVE.has(s.mine.status);
  return {
    book: upcoming.some((s) => !mine(s) && s.registrationOpen),
    cancel: upcoming.some(mine),
  };
}

export type CourseOutcomeKind =
  | "registered"
  | "waitlisted"
  | "cancelled"
  | "already_registered"
  | "already_waitlisted"
  | "skipped_closed"
  | "skipped_recorded"
  | "unchanged";

/** What the call did to one session, for the line shown under the card afterwards. */
export function courseOutcomeKind(place: CourseSessionPlace): CourseOutcomeKind {
  if (place.skipped === "registration_closed") return "skipped_closed";
  if (place.skipped === "attendance_recorded") return "skipped_recorded";
  if (!place.changed)
    return place.status === "registered" ? "already_registered" : place.status === "waitlisted" ? "already_waitlisted" : "unchanged";
  if (place.status === "registered") return "registered";
  if (place.status === "waitlisted") return "waitlisted";
  return "cancelled";
}

/** The sessions of the answer with what happened to each, in start order (as the API lists them). */
export function courseOutcome(course: CourseRegistration): { place: CourseSessionPlace; kind: CourseOutcomeKind }[] {
  return course.sessions.map((place) => ({ place, kind: courseOutcomeKind(place) }));
}

/** A refusal of the whole course names the session that refused (`details.sessionId`); find it on the card. */
export function refusingSession<S extends { id: string }>(details: unknown, sessions: readonly S[]): S | null {
  if (typeof details !== "object" || details === null || !("sessionId" in details)) return null;
  const id = (details as { sessionId: unknown }).sessionId;
  return sessions.find((s) => s.id === id) ?? null;
}
