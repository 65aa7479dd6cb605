import { describe, expect, it } from "vitest";
import { formatZonedDateTime, formatZonedRange, isoToZoned, weeklyDates, zonedToIso } from "./zoned-time";

const BERLIN = "Europe/Berlin";

describe("zonedToIso", () => {
  it("reads a winter time in Berlin as UTC+1 and a summer time as UTC+2", () => {
    expect(zonedToIso("2027-03-15", "12:00", BERLIN)).toBe("2027-03-15T11:00:00.000Z");
    expect(zonedToIso("2027-07-01", "09:30", BERLIN)).toBe("2027-07-01T07:30:00.000Z");
  });

  it("keeps the wall-clock time across the change to summer time", () => {
    // Clocks go forward on 28 March 2027 at 02:00.
    expect(zonedToIso("2027-03-27", "12:00", BERLIN)).toBe("2027-03-27T11:00:00.000Z");
    expect(zonedToIso("2027-03-29", "12:00", BERLIN)).toBe("2027-03-29T10:00:00.000Z");
  });

  it("gives midnight of the right day, not the day before", () => {
    expect(zonedToIso("2027-01-01", "00:00", BERLIN)).toBe("2026-12-31T23:00:00.000Z");
  });

  it("refuses incomplete or impossible input", () => {
    expect(zonedToIso("", "12:00", BERLIN)).toBeNull();
    expect(zonedToIso("2027-03-15", "", BERLIN)).toBeNull();
    expect(zonedToIso("2027-13-01", "12:00", BERLIN)).toBeNull();
    expect(zonedToIso("2027-03-15", "24:30", BERLIN)).toBeNull();
  });
});

describe("isoToZoned", () => {
  it("is the inverse of zonedToIso in winter and in summer", () => {
    expect(isoToZoned("2027-03-15T11:00:00.000Z", BERLIN)).toEqual({ date: "2027-03-15", time: "12:00" });
    expect(isoToZoned("2027-07-01T07:30:00Z", BERLIN)).toEqual({ date: "2027-07-01", time: "09:30" });
    expect(isoToZoned("2026-12-31T23:00:00Z", BERLIN)).toEqual({ date: "2027-01-01", time: "00:00" });
  });
});

describe("weeklyDates", () => {
  it("lists 8 weekly dates from the first one", () => {
    const dates = weeklyDates("2027-03-15", 8, 1);
    expect(dates).toHaveLength(8);
    expect(dates[0]).toBe("2027-03-15");
    expect(dates[1]).toBe("2027-03-22");
    expect(dates[7]).toBe("2027-05-03");
  });

  it("steps every other week and across the year's end", () => {
    expect(weeklyDates("2027-12-20", 3, 2)).toEqual(["2027-12-20", "2028-01-03", "2028-01-17"]);
  });

  it("gives nothing for an incomplete date", () => {
    expect(weeklyDates("", 8, 1)).toEqual([]);
  });
});

describe("formatZonedRange", () => {
  it("shows a session on Berlin clocks whatever the machine's zone, the date once", () => {
    const text = formatZonedRange("2027-03-15T11:00:00Z", "2027-03-15T12:00:00Z", BERLIN, "de-DE");
    expect(text).toContain("15. März 2027");
    expect(text).toMatch(/12:00\s*–\s*13:00/);
  });

  it("speaks English when asked to", () => {
    const text = formatZonedRange("2027-07-01T07:30:00Z", "2027-07-01T09:00:00Z", BERLIN, "en-GB");
    expect(text).toContain("1 Jul 2027");
    expect(text).toMatch(/09:30\s*–\s*11:00/);
  });
});

describe("formatZonedDateTime", () => {
  it("writes a deadline on Berlin clocks", () => {
    expect(formatZonedDateTime("2027-03-14T22:59:00Z", BERLIN, "de-DE")).toBe("14.03.2027, 23:59");
  });
});
