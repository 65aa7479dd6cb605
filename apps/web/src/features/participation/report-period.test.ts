import { describe, expect, it } from "vitest";
import { berlinYear, calendarYear, lastTwelveMonths, periodPresets, validPeriod } from "./report-period";

describe("lastTwelveMonths", () => {
  it("starts on the first of the month eleven months back and ends today (Berlin)", () => {
    expect(lastTwelveMonths(new Date("2026-12-02T10:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-12-02" });
    expect(lastTwelveMonths(new Date("2027-03-15T10:00:00Z"))).toEqual({ from: "2026-04-01", to: "2027-03-15" });
  });

  it("takes today's date on Berlin clocks: 23:30 UTC on 31 December is already 1 January", () => {
    expect(lastTwelveMonths(new Date("2026-12-31T23:30:00Z"))).toEqual({ from: "2026-02-01", to: "2027-01-01" });
  });
});

describe("validPeriod", () => {
  it("accepts an ordered period of up to three years", () => {
    expect(validPeriod({ from: "2026-01-01", to: "2026-12-31" })).toBe(true);
    expect(validPeriod({ from: "2026-01-01", to: "2026-01-01" })).toBe(true);
  });

  it("refuses a reversed, too long or incomplete period", () => {
    expect(validPeriod({ from: "2026-12-31", to: "2026-01-01" })).toBe(false);
    expect(validPeriod({ from: "2020-01-01", to: "2026-01-01" })).toBe(false);
    expect(validPeriod({ from: "", to: "2026-01-01" })).toBe(false);
  });
});

describe("periods of the insurer report", () => {
  it("a calendar year runs from 1 January to 31 December", () => {
    expect(calendarYear(2025)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("offers last year, this year so far and the last twelve months, on Berlin's calendar", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(periodPresets(now)).toEqual([
      { key: "lastYear", period: { from: "2025-01-01", to: "2025-12-31" } },
      { key: "thisYear", period: { from: "2026-01-01", to: "2026-12-02" } },
      { key: "last12Months", period: { from: "2026-01-01", to: "2026-12-02" } },
    ]);
    // New Year's night: 23:30 UTC on 31 December is already the new year in Berlin.
    expect(berlinYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
  });
});
