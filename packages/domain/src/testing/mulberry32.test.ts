import { describe, expect, it } from "vitest";
import { mulberry32 } from "./mulberry32.js";

describe("mulberry32", () => {
  it("gives the same sequence as always: the discovery benchmark's catalogue depends on it", () => {
    const bench = mulberry32(20_261_126);
    expect([bench(), bench(), bench()]).toEqual([0.8969419626519084, 0.6857463242486119, 0.16515310131944716]);
    const tests = mulberry32(15);
    expect([tests(), tests(), tests()]).toEqual([0.2378400256857276, 0.40412471746094525, 0.402795132715255]);
  });
});
