import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeI18n } from "../test/fake-i18n";
import { formatBytes, formatDate, formatDateTime, formatNumber, uiLocale } from "./format";

vi.mock("./i18n", async () => ({ default: (await import("../test/fake-i18n")).fakeI18n }));

afterEach(() => {
  fakeI18n.language = "de";
});

describe("uiLocale", () => {
  it("writes German unless the UI is in English", () => {
    fakeI18n.language = "de";
    expect(uiLocale()).toBe("de-DE");
    fakeI18n.language = "en";
    expect(uiLocale()).toBe("en-GB");
    fakeI18n.language = "fr";
    expect(uiLocale()).toBe("de-DE");
  });
});

describe("formatDate", () => {
  it("writes a calendar date in the UI language", () => {
    fakeI18n.language = "de";
    expect(formatDate("2025-03-01")).toBe("01.03.2025");
    fakeI18n.language = "en";
    expect(formatDate("2025-03-01")).toBe("1 Mar 2025");
  });

  it("keeps the calendar day whatever the time zone (a timestamp counts by its date part)", () => {
    fakeI18n.language = "de";
    expect(formatDate("2025-12-31T23:30:00-05:00")).toBe("31.12.2025");
    expect(formatDate("2025-01-01")).toBe("01.01.2025");
  });

  it("shows nothing for no date and the text itself for one it cannot read", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("")).toBe("");
    expect(formatDate("soon")).toBe("soon");
  });
});

describe("formatDateTime", () => {
  it("writes date and time in the UI language", () => {
    const at = "2025-03-01T09:05:00";
    fakeI18n.language = "de";
    expect(formatDateTime(at)).toBe("01.03.2025, 09:05");
    fakeI18n.language = "en";
    expect(formatDateTime(at)).toBe("1 Mar 2025, 09:05");
  });

  it("shows nothing for no timestamp and the text itself for one it cannot read", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("yesterday")).toBe("yesterday");
  });
});

describe("formatNumber / formatBytes", () => {
  it("uses the language's separators and takes Intl options", () => {
    fakeI18n.language = "de";
    expect(formatNumber(1450.5)).toBe("1.450,5");
    expect(formatNumber(55, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe("55,0");
    fakeI18n.language = "en";
    expect(formatNumber(1450.5)).toBe("1,450.5");
  });

  it("gives sizes in B, KB or MB with one decimal", () => {
    fakeI18n.language = "de";
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1,5 KB");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    fakeI18n.language = "en";
    expect(formatBytes(1536)).toBe("1.5 KB");
  });
});
