import { removeNumericFormat } from "react-number-format";
import { describe, expect, it, vi } from "vitest";
import { eurosToCents, moneySeparators, toEuroAmount } from "../../lib/money";

vi.mock("../../lib/i18n", async () => ({ default: (await import("../../test/fake-i18n")).fakeI18n }));

/**
 * What a typed amount becomes on its way to the API: Mantine's NumberInput strips the formatting with
 * react-number-format under the props MoneyInput sets, MoneyInput turns the result into euros, and the
 * form stores integer cents.
 */
function typedToCents(text: string, language: string): number | null {
  const separators = moneySeparators(language);
  // What react-number-format assumes for a whole new text (its default change meta).
  const wholeText = { from: { start: 0, end: 0 }, to: { start: 0, end: text.length }, lastValue: "" };
  const plain = removeNumericFormat(text, wholeText, {
    ...separators,
    allowedDecimalSeparators: [separators.decimalSeparator],
    decimalScale: 2,
    allowNegative: false,
  });
  const euros = toEuroAmount(plain);
  return euros === null ? null : eurosToCents(euros);
}

describe("money input: typed amounts to cents", () => {
  it("reads German notation: dot for thousands, comma for decimals", () => {
    expect(typedToCents("1.450,50", "de")).toBe(145050);
    expect(typedToCents("3.500", "de")).toBe(350000);
    expect(typedToCents("1450,5", "de")).toBe(145050);
    expect(typedToCents("0,99", "de")).toBe(99);
    // The bug MoneyInput exists for: a dot is never a decimal point in German, so this is not 1,45 €.
    expect(typedToCents("1.450", "de")).toBe(145000);
  });

  it("reads English notation: comma for thousands, dot for decimals", () => {
    expect(typedToCents("1,450.50", "en")).toBe(145050);
    expect(typedToCents("3,500", "en")).toBe(350000);
    expect(typedToCents("1450.5", "en")).toBe(145050);
  });

  it("gives no amount for empty or non-numeric input, and never a negative one", () => {
    expect(typedToCents("", "de")).toBeNull();
    expect(typedToCents("   ", "de")).toBeNull();
    expect(typedToCents("abc", "de")).toBeNull();
    expect(typedToCents("-5", "en")).toBe(500);
  });
});
