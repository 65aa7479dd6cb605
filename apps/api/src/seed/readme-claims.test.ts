import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_PROVIDERS } from "./demo-providers.js";

/** The README describes the demo world a fresh start creates; the seed publishes every demo offering. */
const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");

describe("the README's demo world", () => {
  it("names the providers and the number of published offerings the seed creates", () => {
    const claim = /(\d+) providers \(([^)]+)\) with (\d+) published offerings/.exec(readme);
    expect(claim, "README sentence about the demo providers").not.toBeNull();
    const [, providers, names, offerings] = claim as RegExpExecArray;
    expect(Number(providers)).toBe(DEMO_PROVIDERS.length);
    expect(names?.split(", ")).toEqual(DEMO_PROVIDERS.map((p) => p.name));
    expect(Number(offerings)).toBe(DEMO_PROVIDERS.flatMap((p) => p.offerings).length);
  });
});
