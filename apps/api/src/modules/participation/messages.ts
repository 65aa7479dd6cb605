import type { Mail, MailAttachment } from "../../lib/mailer.js";
import { germanSpan } from "./berlin-time.js";
import { buildIcs, type IcsMethod } from "./ics.js";

/**
 * What employees are told about their own places, in German (the app's language for mails). A mail
 * names the session and the recipient's own status only: never another person, never who changed it.
 */

/** Where calendar files and links point: the app's address and the sender named as ORGANIZER. */
export interface CalendarContext {
  appUrl: string;
  organizerEmail: string;
}

/** What a mail and a calendar file say about one session. */
export interface SessionFacts {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  onlineUrl: string | null;
  icsSequence: number;
  cancelled: boolean;
}

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");
/** The employee's start page, where their places are listed. */
export const START_PAGE = "/";

/** Stable per session (RFC 5545 UID): a calendar replaces its event when SEQUENCE goes up. */
export function sessionUid(sessionId: string, appUrl: string): string {
  let host = "bgm-hub";
  try {
    host = new URL(appUrl).hostname || host;
  } catch {
    // keep the default
  }
  return `participation-session-${sessionId}@${host}`;
}

export function sessionIcs(method: IcsMethod, s: SessionFacts, ctx: CalendarContext, attendeeEmail?: string, now = new Date()): string {
  const link = `${base(ctx.appUrl)}${START_PAGE}`;
  return buildIcs(
    method,
    {
      uid: sessionUid(s.id, ctx.appUrl),
      sequence: s.icsSequence,
      start: s.startsAt,
      end: s.endsAt,
      summary: s.title,
      description: [s.description.trim(), s.onlineUrl ? `Online: ${s.onlineUrl}` : "", `BGM Hub: ${link}`].filter(Boolean).join("\n\n"),
      location: s.location || s.onlineUrl || "",
      url: s.onlineUrl,
      cancelled: s.cancelled,
      ...(method === "PUBLISH" ? {} : { organizer: { name: "BGM Hub", email: ctx.organizerEmail } }),
      ...(attendeeEmail && method !== "PUBLISH" ? { attendee: { email: attendeeEmail } } : {}),
    },
    now,
  );
}

export function icsAttachment(method: IcsMethod, s: SessionFacts, ctx: CalendarContext, to: string): MailAttachment {
  return {
    filename: method === "CANCEL" ? "absage.ics" : "termin.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: sessionIcs(method, s, ctx, to),
  };
}

function where(s: SessionFacts): string {
  const lines = [`Termin: ${germanSpan(s.startsAt, s.endsAt)}`];
  if (s.location) lines.push(`Ort: ${s.location}`);
  if (s.onlineUrl) lines.push(`Online: ${s.onlineUrl}`);
  return lines.join("\n");
}

const closing = "Ihr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n";

function mail(to: string, subject: string, paragraphs: string[], attachments: MailAttachment[] = []): Mail {
  return {
    to,
    subject: `BGM Hub: ${subject}`,
    text: `Guten Tag,\n\n${paragraphs.join("\n\n")}\n\n${closing}`,
    ...(attachments.length ? { attachments } : {}),
  };
}

export type PlaceNotice =
  | { kind: "registered" }
  | { kind: "waitlisted"; position: number }
  | { kind: "promoted" }
  | { kind: "cancelled_by_me"; heldPlace: boolean }
  | { kind: "session_changed"; registered: boolean }
  | { kind: "session_cancelled"; registered: boolean }
  | { kind: "session_reopened"; registered: boolean };

/** The mail one person gets about their own place in one session. */
export function placeMail(notice: PlaceNotice, s: SessionFacts, ctx: CalendarContext, to: string): Mail {
  const link = `Ihre Anmeldungen: ${base(ctx.appUrl)}${START_PAGE}`;
  const title = `„${s.title}“`;
  switch (notice.kind) {
    case "registered":
      return mail(
        to,
        `Anmeldung bestätigt – ${s.title}`,
        [`Sie sind für ${title} angemeldet.`, where(s), "Den Termin für Ihren Kalender finden Sie im Anhang (termin.ics).", link],
        [icsAttachment("REQUEST", s, ctx, to)],
      );
    case "waitlisted":
      return mail(to, `Warteliste – ${s.title}`, [
        `Der Termin ${title} ist ausgebucht. Sie stehen auf der Warteliste (Position ${notice.position}).`,
        where(s),
        "Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail mit dem Termin für Ihren Kalender.",
        link,
      ]);
    case "promoted":
      return mail(
        to,
        `Platz frei geworden – ${s.title}`,
        [
          `Ein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt und für ${title} angemeldet.`,
          where(s),
          "Den Termin für Ihren Kalender finden Sie im Anhang (termin.ics). Falls Sie nicht teilnehmen können, melden Sie sich bitte ab, damit jemand anderes nachrücken kann.",
          link,
        ],
        [icsAttachment("REQUEST", s, ctx, to)],
      );
    case "cancelled_by_me":
      return mail(
        to,
        `Abmeldung bestätigt – ${s.title}`,
        [
          notice.heldPlace ? `Sie haben sich von ${title} abgemeldet.` : `Sie stehen nicht mehr auf der Warteliste für ${title}.`,
          where(s),
          ...(notice.heldPlace ? ["Mit der Absage im Anhang (absage.ics) entfernt Ihr Kalender den Termin."] : []),
          link,
        ],
        notice.heldPlace ? [icsAttachment("CANCEL", s, ctx, to)] : [],
      );
    case "session_changed":
      return mail(
        to,
        `Termin geändert – ${s.title}`,
        [
          `Der Termin ${title} wurde geändert${notice.registered ? "" : " (Sie stehen auf der Warteliste)"}. So gilt er jetzt:`,
          where(s),
          ...(notice.registered ? ["Der geänderte Termin für Ihren Kalender liegt bei (termin.ics)."] : []),
          link,
        ],
        notice.registered ? [icsAttachment("REQUEST", s, ctx, to)] : [],
      );
    case "session_cancelled":
      return mail(
        to,
        `Termin abgesagt – ${s.title}`,
        [
          `Der Termin ${title} wurde abgesagt${notice.registered ? "" : " (Sie standen auf der Warteliste)"}.`,
          where(s),
          ...(notice.registered ? ["Mit der Absage im Anhang (absage.ics) entfernt Ihr Kalender den Termin."] : []),
          link,
        ],
        notice.registered ? [icsAttachment("CANCEL", s, ctx, to)] : [],
      );
    case "session_reopened":
      return mail(
        to,
        `Termin findet doch statt – ${s.title}`,
        [
          notice.registered
            ? `Der abgesagte Termin ${title} findet doch statt, und Ihr Platz gilt wieder.`
            : `Der abgesagte Termin ${title} findet doch statt. Sie stehen wieder auf der Warteliste.`,
          where(s),
          ...(notice.registered
            ? [
                "Den Termin für Ihren Kalender finden Sie im Anhang (termin.ics). Falls Sie nicht teilnehmen können, melden Sie sich bitte ab, damit jemand anderes nachrücken kann.",
              ]
            : []),
          link,
        ],
        notice.registered ? [icsAttachment("REQUEST", s, ctx, to)] : [],
      );
  }
}

/** One mail about several cancelled sessions of an intervention that was called off, one calendar file each. */
export function interventionCancelledMail(
  title: string,
  sessions: { facts: SessionFacts; registered: boolean }[],
  ctx: CalendarContext,
  to: string,
): Mail {
  const lines = sessions.map(
    ({ facts, registered }) => `- ${germanSpan(facts.startsAt, facts.endsAt)}${registered ? "" : " (Warteliste)"}`,
  );
  const files = sessions
    .filter((x) => x.registered)
    .map(({ facts }, i) => ({ ...icsAttachment("CANCEL", facts, ctx, to), filename: `absage-${i + 1}.ics` }));
  return mail(
    to,
    `Angebot abgesagt – ${title}`,
    [
      `Das Angebot „${title}“ wurde abgesagt. Diese Termine entfallen:`,
      lines.join("\n"),
      ...(files.length ? ["Mit den Absagen im Anhang entfernt Ihr Kalender die Termine."] : []),
      `Ihre Anmeldungen: ${base(ctx.appUrl)}${START_PAGE}`,
    ],
    files,
  );
}

/**
 * One mail about an intervention whose title or description changed, for someone holding a place in
 * some of its sessions: one updated calendar file per session (same UID, higher SEQUENCE, REQUEST).
 */
export function interventionChangedMail(title: string, sessions: SessionFacts[], ctx: CalendarContext, to: string): Mail {
  const files = sessions.map((facts, i) => ({ ...icsAttachment("REQUEST", facts, ctx, to), filename: `termin-${i + 1}.ics` }));
  return mail(
    to,
    `Angebot geändert – ${title}`,
    [
      `Die Beschreibung des Angebots „${title}“ wurde geändert. Ihre Termine bleiben, wie sie sind:`,
      sessions.map((f) => `- ${germanSpan(f.startsAt, f.endsAt)}`).join("\n"),
      "Mit den Kalenderdateien im Anhang übernimmt Ihr Kalender die neue Beschreibung.",
      `Ihre Anmeldungen: ${base(ctx.appUrl)}${START_PAGE}`,
    ],
    files,
  );
}

/**
 * One mail for a whole course: the places and waitlist entries I just took, with one calendar file
 * per session I got a place in (REQUEST) — or, when I gave the course up, one cancelling file per
 * place I held (CANCEL).
 */
export function courseMail(
  kind: "registered" | "cancelled",
  title: string,
  sessions: { facts: SessionFacts; status: "registered" | "waitlisted"; position?: number | null }[],
  ctx: CalendarContext,
  to: string,
): Mail {
  const lines = sessions.map(
    ({ facts, status, position }) =>
      `- ${germanSpan(facts.startsAt, facts.endsAt)}${status === "waitlisted" ? ` (Warteliste${kind === "registered" && position ? `, Position ${position}` : ""})` : ""}`,
  );
  const withPlace = sessions.filter((x) => x.status === "registered");
  const method = kind === "registered" ? "REQUEST" : "CANCEL";
  const stem = kind === "registered" ? "termin" : "absage";
  const files = withPlace.map(({ facts }, i) => ({ ...icsAttachment(method, facts, ctx, to), filename: `${stem}-${i + 1}.ics` }));
  const link = `Ihre Anmeldungen: ${base(ctx.appUrl)}${START_PAGE}`;
  if (kind === "registered") {
    return mail(
      to,
      `Kursanmeldung bestätigt – ${title}`,
      [
        `Sie sind für den Kurs „${title}“ angemeldet. Ihre Termine:`,
        lines.join("\n"),
        ...(files.length ? ["Die Termine mit Platz für Ihren Kalender finden Sie im Anhang."] : []),
        ...(withPlace.length < sessions.length
          ? ["Wird bei einem Termin mit Warteliste ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail."]
          : []),
        link,
      ],
      files,
    );
  }
  return mail(
    to,
    `Kursabmeldung bestätigt – ${title}`,
    [
      `Sie haben sich vom Kurs „${title}“ abgemeldet. Diese Termine entfallen für Sie:`,
      lines.join("\n"),
      ...(files.length ? ["Mit den Absagen im Anhang entfernt Ihr Kalender die Termine."] : []),
      link,
    ],
    files,
  );
}

/** The in-app notice of someone who moved up from the waitlist. */
export function promotedNotice(s: SessionFacts): { title: string; body: string } {
  return {
    title: "Platz frei geworden",
    body: `Sie sind für „${s.title}“ am ${germanSpan(s.startsAt, s.endsAt)} nachgerückt.`,
  };
}
