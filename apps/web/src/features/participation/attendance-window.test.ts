import { describe, expect, it, vi } from "vitest";

vi.mock("../../lib/i18n", async () => ({ default: (await import("../../test/fake-i18n")).fakeI18n }));

import { attendanceIsOpen, msUntilOpen, opensAtLabel } from "./attendance-window";

// 15 March 2027 is winter time in Berlin (UTC+1): 10:30Z is 11:30 on the door's clock.
const opensAt = "2027-03-15T10:30:00.000Z";
const at = (iso: string) => Date.parse(iso);

describe("attendanceIsOpen", () => {
  it("holds marks back until the doors open, and takes them from that minute on", () => {
    expect(attendanceIsOpen(opensAt, at("2027-03-15T10:29:59.000Z"))).toBe(false);
    expect(attendanceIsOpen(opensAt, at(opensAt))).toBe(true);
    expect(attendanceIsOpen(opensAt, at("2027-03-15T12:00:00.000Z"))).toBe(true);
  });

  it("does not lock the page on a time it cannot read (the server still decides)", () => {
    expect(attendanceIsOpen("not a time", at(opensAt))).toBe(true);
  });
});

describe("msUntilOpen", () => {
  it("counts down to the opening and stays 0 afterwards", () => {
    expect(msUntilOpen(opensAt, at("2027-03-15T10:20:00.000Z"))).toBe(10 * 60_000);
    expect(msUntilOpen(opensAt, at("2027-03-15T11:00:00.000Z"))).toBe(0);
  });

  it("caps a wait of weeks at what a browser timer can hold", () => {
    expect(msUntilOpen(opensAt, at("2026-12-01T00:00:00.000Z"))).toBe(2 ** 31 - 1);
  });
});

describe("opensAtLabel", () => {
  it("shows the time on Berlin clocks on the day itself: 11:30", () => {
    expect(opensAtLabel(opensAt, at("2027-03-15T07:00:00.000Z"), "de-DE")).toBe("11:30");
  });

  it("follows summer time: 10:30Z in July is 12:30 in Berlin", () => {
    expect(opensAtLabel("2027-07-05T10:30:00.000Z", at("2027-07-05T06:00:00.000Z"), "de-DE")).toBe("12:30");
  });

  it("adds the date when the manager looks on another day", () => {
    expect(opensAtLabel(opensAt, at("2027-03-14T12:00:00.000Z"), "de-DE")).toBe("15.03.2027, 11:30");
  });

  it("takes the day from Berlin, not UTC: 23:30Z on the 14th is already the 15th at 00:30", () => {
    expect(opensAtLabel("2027-03-14T23:30:00.000Z", at("2027-03-15T08:00:00.000Z"), "de-DE")).toBe("00:30");
  });
});
