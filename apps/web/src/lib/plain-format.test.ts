import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { berlinCalendarDate, plainDate, plainNumber } from "./plain-format";

// What the functions stand in for: Intl with the app's two locales (Node carries the same ICU data).
const LOCALES = ["de-DE", "en-GB"] as const;
const intlNumber = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

describe("plainNumber writes what Intl writes", () => {
  it("for whole numbers, decimals and their rounding edges", () => {
    const values = [
      0, -0, 1, -1, 7, 999, 1000, 1234, -1234, 12345, 123456, 1234567, 1e15, 87.5, 0.1, 0.125, 0.0005, 0.0004999, 1.0005, 2.5e-7, 999.9995,
      -999.9995, 1234.5678, 33.333333, 66.66666666, -0.0001,
    ];
    for (const locale of LOCALES) {
      for (const value of values) {
        const plain = plainNumber(value, locale);
        if (plain !== null) expect(plain, `${locale} ${value}`).toBe(intlNumber(value, locale));
      }
      expect(plainNumber(1234.5, locale)).not.toBeNull();
    }
  });

  it("for generated values: whenever it answers, the answer is Intl's", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
          fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000),
        ),
        fc.constantFrom(...LOCALES),
        (value, locale) => {
          const plain = plainNumber(value, locale);
          if (plain !== null) expect(plain).toBe(intlNumber(value, locale));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("leaves other locales, exponents and non-finite values to Intl", () => {
    expect(plainNumber(1234, "fr-FR")).toBeNull();
    expect(plainNumber(1e21, "de-DE")).toBeNull();
    expect(plainNumber(Number.POSITIVE_INFINITY, "de-DE")).toBeNull();
    expect(plainNumber(Number.NaN, "en-GB")).toBeNull();
  });
});

describe("plainDate", () => {
  it("writes German dates as Intl's medium style does", () => {
    const intl = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "UTC" });
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 3) {
      const d = new Date(t);
      expect(plainDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), "de-DE")).toBe(intl.format(d));
    }
  });

  it("leaves English and unusual years to Intl", () => {
    expect(plainDate(2026, 12, 3, "en-GB")).toBeNull();
    expect(plainDate(999, 1, 1, "de-DE")).toBeNull();
  });
});

describe("berlinCalendarDate", () => {
  it("is Berlin's date hour by hour around every change of summer time until 2040", () => {
    const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });
    for (let year = 2020; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // The last week of March and of October, every 30 minutes, plus every New Year's Eve.
        for (let t = Date.UTC(year, month, 24); t < Date.UTC(year, month + 1, 2); t += 1_800_000) {
          expect(berlinCalendarDate(new Date(t)), new Date(t).toISOString()).toBe(intl.format(new Date(t)));
        }
      }
      for (let t = Date.UTC(year, 11, 31, 20); t < Date.UTC(year + 1, 0, 1, 4); t += 900_000) {
        expect(berlinCalendarDate(new Date(t))).toBe(intl.format(new Date(t)));
      }
    }
  });
});
