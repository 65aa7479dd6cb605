import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeI18n } from "../test/fake-i18n";
import { centsToEuros, eurosToCents, formatEuro, moneySeparators, toEuroAmount } from "./money";

vi.mock("./i18n", async () => ({ default: (await import("../test/fake-i18n")).fakeI18n }));

const NBSP = "\u00a0";

afterEach(() => {
  fakeI18n.language = "de";
});

describe("formatEuro", () => {
  it("shows German amounts as 1.450,50 € and whole euros without cents", () => {
    fakeI18n.language = "de";
    expect(formatEuro(145050)).toBe(`1.450,50${NBSP}€`);
    expect(formatEuro(350000)).toBe(`3.500${NBSP}€`);
    expect(formatEuro(99)).toBe(`0,99${NBSP}€`);
    expect(formatEuro(0)).toBe(`0${NBSP}€`);
  });

  it("shows English amounts as €1,450.50", () => {
    fakeI18n.language = "en";
    expect(formatEuro(145050)).toBe("€1,450.50");
    expect(formatEuro(350000)).toBe("€3,500");
  });

  it("always shows two decimals when there are cents", () => {
    fakeI18n.language = "de";
    expect(formatEuro(145005)).toBe(`1.450,05${NBSP}€`);
    expect(formatEuro(145010)).toBe(`1.450,10${NBSP}€`);
  });

  it("writes any language other than English in German", () => {
    fakeI18n.language = "fr";
    expect(formatEuro(145050)).toBe(`1.450,50${NBSP}€`);
  });
});

describe("eurosToCents / centsToEuros", () => {
  it("stores whole cents, rounding away binary fractions", () => {
    expect(eurosToCents(1450.5)).toBe(145050);
    expect(eurosToCents(3500)).toBe(350000);
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(eurosToCents(0.1 + 0.2)).toBe(30);
    expect(eurosToCents(19.99)).toBe(1999);
  });

  it("gives a form field back the euros it stored", () => {
    expect(centsToEuros(145050)).toBe(1450.5);
    expect(centsToEuros(0)).toBe(0);
    for (const euros of [0.01, 19.99, 1450.5, 3500]) expect(centsToEuros(eurosToCents(euros))).toBe(euros);
  });
});

describe("moneySeparators", () => {
  it("uses the language's separators, German unless English", () => {
    expect(moneySeparators("de")).toEqual({ thousandSeparator: ".", decimalSeparator: "," });
    expect(moneySeparators("en")).toEqual({ thousandSeparator: ",", decimalSeparator: "." });
    expect(moneySeparators("fr")).toEqual(moneySeparators("de"));
  });
});

describe("toEuroAmount", () => {
  it("keeps numbers and unfinished input in plain JS notation as amounts", () => {
    expect(toEuroAmount(1450.5)).toBe(1450.5);
    expect(toEuroAmount("1450.")).toBe(1450);
    expect(toEuroAmount("1450.50")).toBe(1450.5);
    expect(toEuroAmount(0)).toBe(0);
  });

  it("gives null for empty text, text that is no number, and non-finite numbers", () => {
    expect(toEuroAmount("")).toBeNull();
    expect(toEuroAmount(" ")).toBeNull();
    expect(toEuroAmount("1.450,50")).toBeNull();
    expect(toEuroAmount(Number.NaN)).toBeNull();
    expect(toEuroAmount(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
