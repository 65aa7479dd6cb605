import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeI18n } from "../../test/fake-i18n";
import { eurosToCents, formatEuro } from "./format-money";

vi.mock("../../lib/i18n", async () => ({ default: (await import("../../test/fake-i18n")).fakeI18n }));

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
});

describe("eurosToCents", () => {
  it("stores whole cents, rounding away binary fractions", () => {
    expect(eurosToCents(1450.5)).toBe(145050);
    expect(eurosToCents(3500)).toBe(350000);
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(eurosToCents(0.1 + 0.2)).toBe(30);
    expect(eurosToCents(19.99)).toBe(1999);
  });
});
