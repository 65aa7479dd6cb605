import { describe, expect, it } from "vitest";
import { lastTwelveMonths, validPeriod } from "./report-period";

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
