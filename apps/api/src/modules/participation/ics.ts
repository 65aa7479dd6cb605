import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";
import { icsLocal, icsUtc } from "./berlin-time.js";

/**
 * A small RFC 5545 writer for the calendar file of one session. The `ics` package cannot name a
 * time zone (TZID with VTIMEZONE), which calendars need to keep a local start time right across the
 * change to summer time, so the few properties needed are written here: CRLF line ends, lines folded
 * at 75 octets without splitting a character, TEXT values escaped.
 */

export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface IcsEvent {
  /** Stable per session: a calendar replaces the event of the same UID with a higher SEQUENCE. */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  cancelled: boolean;
  /** REQUEST and CANCEL (iTIP, RFC 5546) name an organizer and the attendee the mail goes to. */
  organizer?: { name: string; email: string };
  attendee?: { email: string };
}

/** Europe/Berlin since 1996: CET, and CEST from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${PARTICIPATION_TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Drops control characters (except line breaks where `keepBreaks`): a calendar line must not contain them. */
function dropControls(value: string, keepBreaks = false): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 || code === 0x7f) && !(keepBreaks && ch === "\n")) continue;
    out += ch;
  }
  return out;
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other controls dropped. */
export function escapeText(value: string): string {
  return dropControls(value.replace(/\r\n?/g, "\n"), true)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** A parameter value (e.g. CN): quoted when it holds `:;,`; DQUOTE cannot appear in one at all. */
function paramValue(value: string): string {
  const clean = dropControls(value).replace(/"/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds one content line (RFC 5545 3.1): at most 75 octets per line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function buildIcs(method: IcsMethod, e: IcsEvent, now: Date = new Date()): string {
  const tz = PARTICIPATION_TIME_ZONE;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//BGM Hub//Teilnahme//DE",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART;TZID=${tz}:${icsLocal(e.start)}`,
    `DTEND;TZID=${tz}:${icsLocal(e.end)}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.cancelled || method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${dropControls(e.url)}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  if (e.attendee) lines.push(`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${e.attendee.email}`);
  lines.push("TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
