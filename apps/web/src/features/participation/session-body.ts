import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { isoToZoned, zonedToIso } from "../../lib/zoned-time";
import type { CreateSessionsInput, SessionItem, UpdateSessionInput } from "./api/types";

/** A session form as typed: dates and times on Berlin clocks, the way the manager reads them. */
export interface SessionFieldValues {
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineUrl: string;
  capacity: number | string;
  deadlineDate: string;
  deadlineTime: string;
  waitlistEnabled: boolean;
  repeat: boolean;
  count: number | string;
  everyWeeks: string;
}

export const EMPTY_SESSION: SessionFieldValues = {
  date: "",
  startTime: "",
  endTime: "",
  location: "",
  onlineUrl: "",
  capacity: 12,
  deadlineDate: "",
  deadlineTime: "",
  waitlistEnabled: true,
  repeat: false,
  count: 8,
  everyWeeks: "1",
};

export type SessionFormProblem = "incomplete" | "endBeforeStart" | "deadlineAfterStart";

interface Times {
  startsAt: string;
  endsAt: string;
  registrationDeadline: string | null;
}

function times(v: SessionFieldValues): Times | SessionFormProblem {
  const startsAt = zonedToIso(v.date, v.startTime, PARTICIPATION_TIME_ZONE);
  const endsAt = zonedToIso(v.date, v.endTime, PARTICIPATION_TIME_ZONE);
  if (!startsAt || !endsAt) return "incomplete";
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return "endBeforeStart";
  // A deadline date without a time means the end of that day.
  const registrationDeadline = v.deadlineDate ? zonedToIso(v.deadlineDate, v.deadlineTime || "23:59", PARTICIPATION_TIME_ZONE) : null;
  if (registrationDeadline && Date.parse(registrationDeadline) > Date.parse(startsAt)) return "deadlineAfterStart";
  return { startsAt, endsAt, registrationDeadline };
}

const toInt = (v: number | string, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : fallback);

/** The request for one session or a weekly series; a problem the form shows instead when the times do not add up. */
export function createSessionsBody(v: SessionFieldValues): CreateSessionsInput | SessionFormProblem {
  const when = times(v);
  if (typeof when === "string") return when;
  return {
    ...when,
    location: v.location.trim(),
    onlineUrl: v.onlineUrl.trim() || null,
    capacity: toInt(v.capacity, 0),
    waitlistEnabled: v.waitlistEnabled,
    ...(v.repeat ? { repeat: { count: toInt(v.count, 0), everyWeeks: Number(v.everyWeeks) || 1 } } : {}),
  };
}

/** The changes to a session; null when nothing changed. */
export function updateSessionBody(v: SessionFieldValues, session: SessionItem): UpdateSessionInput | SessionFormProblem | null {
  const when = times(v);
  if (typeof when === "string") return when;
  const body: UpdateSessionInput = {};
  if (Date.parse(when.startsAt) !== Date.parse(session.startsAt)) body.startsAt = when.startsAt;
  if (Date.parse(when.endsAt) !== Date.parse(session.endsAt)) body.endsAt = when.endsAt;
  const oldDeadline = session.registrationDeadline ? Date.parse(session.registrationDeadline) : null;
  const newDeadline = when.registrationDeadline ? Date.parse(when.registrationDeadline) : null;
  if (oldDeadline !== newDeadline) body.registrationDeadline = when.registrationDeadline;
  if (v.location.trim() !== session.location) body.location = v.location.trim();
  if ((v.onlineUrl.trim() || null) !== session.onlineUrl) body.onlineUrl = v.onlineUrl.trim() || null;
  if (toInt(v.capacity, session.capacity) !== session.capacity) body.capacity = toInt(v.capacity, session.capacity);
  if (v.waitlistEnabled !== session.waitlistEnabled) body.waitlistEnabled = v.waitlistEnabled;
  return Object.keys(body).length > 0 ? body : null;
}

/** The form's values for an existing session (Berlin clocks). */
export function sessionValues(session: SessionItem): SessionFieldValues {
  const start = isoToZoned(session.startsAt, PARTICIPATION_TIME_ZONE);
  const end = isoToZoned(session.endsAt, PARTICIPATION_TIME_ZONE);
  const deadline = session.registrationDeadline ? isoToZoned(session.registrationDeadline, PARTICIPATION_TIME_ZONE) : null;
  return {
    ...EMPTY_SESSION,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    location: session.location,
    onlineUrl: session.onlineUrl ?? "",
    capacity: session.capacity,
    deadlineDate: deadline?.date ?? "",
    deadlineTime: deadline?.time ?? "",
    waitlistEnabled: session.waitlistEnabled,
  };
}
