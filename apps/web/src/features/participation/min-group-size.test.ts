import { describe, expect, it } from "vitest";
import { raiseOptions } from "./min-group-size";

describe("raiseOptions", () => {
  it("offers the current size and every larger one up to the maximum, never a smaller one", () => {
    const options = raiseOptions(5, 50);
    expect(options[0]).toBe(5);
    expect(options.at(-1)).toBe(50);
    expect(options).toHaveLength(46);
    expect(raiseOptions(12, 50).every((n) => n >= 12)).toBe(true);
  });

  it("offers only the current value once it is at the maximum (or beyond it)", () => {
    expect(raiseOptions(50, 50)).toEqual([50]);
    expect(raiseOptions(60, 50)).toEqual([60]);
  });
});
