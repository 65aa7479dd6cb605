import { describe, expect, it, vi } from "vitest";
import { formatDays, slotDayAndTime, slotTime } from "./format";

vi.mock("../../lib/i18n", async () => ({ default: (await import("../../test/fake-i18n")).fakeI18n }));

describe("formatDays", () => {
  it("writes German dates as on the brief's card", () => {
    expect(formatDays("2027-03-15", "2027-03-15", "de-DE")).toBe("15. März 2027");
    expect(formatDays("2027-03-15", "2027-03-16", "de-DE")).toMatch(/^15\.\s?–\s?16\. März 2027$/);
  });

  it("writes English dates too", () => {
    expect(formatDays("2027-03-15", "2027-03-15", "en-GB")).toBe("15 March 2027");
  });
});

describe("slotTime", () => {
  it("reads slots on Berlin clocks, whatever the browser's zone", () => {
    expect(slotTime("2027-03-15T08:00:00.000Z", "2027-03-15T08:45:00.000Z", "de-DE")).toBe("09:00–09:45");
    expect(slotTime("2027-06-15T07:00:00.000Z", "2027-06-15T07:45:00.000Z", "de-DE")).toBe("09:00–09:45");
    expect(slotDayAndTime("2027-03-15T08:00:00.000Z", "2027-03-15T08:45:00.000Z", "de-DE")).toBe("Mo., 15. März, 09:00–09:45");
  });
});
