import { describe, expect, it } from "vitest";
import { addLocalDays, fromBerlin, germanSpan, toBerlin } from "./berlin-time.js";
import { buildIcs, escapeText, foldLine } from "./ics.js";

const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("RFC 5545 writer", () => {
  const event = {
    uid: "participation-session-1@bgm.example",
    sequence: 2,
    start: new Date("2026-03-17T11:00:00Z"),
    end: new Date("2026-03-17T12:00:00Z"),
    summary: "Lunch & Learn: Gesunde Ernährung",
    description: "Impulsvortrag; mit Fragen, Antworten\nund Rezepten \\ Tipps",
    location: "Kantine, 2. OG",
    url: "https://meet.example/abc",
    cancelled: false,
  };

  it("writes a calendar with CRLF line ends, a VTIMEZONE for Europe/Berlin and local times with TZID", () => {
    const ics = buildIcs("PUBLISH", event, new Date("2026-03-01T08:00:00Z"));
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    const lines = unfold(ics).split("\r\n");
    expect(lines.slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//BGM Hub//Teilnahme//DE",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]);
    expect(lines).toContain("BEGIN:VTIMEZONE");
    expect(lines).toContain("TZID:Europe/Berlin");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260317T120000");
    expect(lines).toContain("DTEND;TZID=Europe/Berlin:20260317T130000");
    expect(lines).toContain("DTSTAMP:20260301T080000Z");
    expect(lines).toContain("UID:participation-session-1@bgm.example");
    expect(lines).toContain("SEQUENCE:2");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines).toContain("SUMMARY:Lunch & Learn: Gesunde Ernährung");
    expect(lines).toContain("DESCRIPTION:Impulsvortrag\\; mit Fragen\\, Antworten\\nund Rezepten \\\\ Tipps");
    expect(lines).toContain("LOCATION:Kantine\\, 2. OG");
    expect(lines.filter((l) => l.startsWith("BEGIN:")).length).toBe(lines.filter((l) => l.startsWith("END:")).length);
    expect(ics).not.toContain("ORGANIZER");
  });

  it("uses summer time in summer", () => {
    const ics = buildIcs("PUBLISH", { ...event, start: new Date("2026-07-07T10:00:00Z"), end: new Date("2026-07-07T11:30:00Z") });
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20260707T120000");
    expect(ics).toContain("DTEND;TZID=Europe/Berlin:20260707T133000");
  });

  it("cancels with METHOD:CANCEL and STATUS:CANCELLED, naming organizer and attendee", () => {
    const ics = unfold(
      buildIcs("CANCEL", {
        ...event,
        sequence: 3,
        organizer: { name: "BGM Hub", email: "noreply@bgm.example" },
        attendee: { email: "max@muster.example" },
      }),
    );
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:3");
    expect(ics).toContain("ORGANIZER;CN=BGM Hub:mailto:noreply@bgm.example");
    expect(ics).toContain("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:max@muster.example");
  });

  it("folds long lines at 75 octets without splitting a character, and unfolds to the original", () => {
    const long = `SUMMARY:${"Größenwahn ".repeat(20)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .slice(1)
        .every((l) => l.startsWith(" ")),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
    expect(folded).not.toContain("\uFFFD");
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("escapes TEXT and drops control characters", () => {
    expect(escapeText("a,b;c\\d\r\ne\u0007f")).toBe("a\\,b\\;c\\\\d\\nef");
  });
});

describe("Berlin wall-clock time", () => {
  it("converts both ways, also around the change to summer time", () => {
    expect(fromBerlin({ year: 2026, month: 3, day: 29, hour: 12, minute: 0, second: 0 }).toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(fromBerlin({ year: 2026, month: 3, day: 28, hour: 12, minute: 0, second: 0 }).toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(toBerlin(new Date("2026-10-25T01:30:00Z"))).toMatchObject({ hour: 2, minute: 30 });
  });

  it("keeps the local time a week later across the change", () => {
    expect(addLocalDays(new Date("2026-03-24T17:00:00Z"), 7).toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(addLocalDays(new Date("2026-10-20T16:00:00Z"), 7).toISOString()).toBe("2026-10-27T17:00:00.000Z");
  });

  it("prints a span in German", () => {
    expect(germanSpan(new Date("2026-03-17T11:00:00Z"), new Date("2026-03-17T12:00:00Z"))).toBe("Dienstag, 17. März 2026, 12:00–13:00 Uhr");
  });
});
