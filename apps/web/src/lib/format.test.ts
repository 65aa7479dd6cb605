import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeI18n } from "../test/fake-i18n";
import { formatPercent, formatTimeRange } from "./format";

vi.mock("./i18n", async () => ({ default: (await import("../test/fake-i18n")).fakeI18n }));

const NBSP = "\u00a0";

afterEach(() => {
  fakeI18n.language = "de";
});

describe("formatPercent", () => {
  it("writes German percentages with a comma and a space: 87,5 %", () => {
    expect(formatPercent(0.875)).toBe(`87,5${NBSP}%`);
    expect(formatPercent(1)).toBe(`100${NBSP}%`);
    expect(formatPercent(2 / 3)).toBe(`66,7${NBSP}%`);
  });

  it("writes English percentages as 87.5%", () => {
    fakeI18n.language = "en";
    expect(formatPercent(0.875)).toBe("87.5%");
  });
});

describe("formatTimeRange", () => {
  it("shows a session on Berlin clocks whatever the browser's zone, the date once", () => {
    const text = formatTimeRange("2027-03-15T11:00:00Z", "2027-03-15T12:00:00Z", "Europe/Berlin");
    expect(text).toContain("15. März 2027");
    expect(text).toMatch(/12:00\s*–\s*13:00/);
  });

  it("speaks English when the UI does", () => {
    fakeI18n.language = "en";
    const text = formatTimeRange("2027-07-01T07:30:00Z", "2027-07-01T09:00:00Z", "Europe/Berlin");
    expect(text).toContain("1 Jul 2027");
    expect(text).toMatch(/09:30\s*–\s*11:00/);
  });
});
