import { describe, expect, it } from "vitest";
import { keyTouchDue } from "./api-key.js";

describe("when a key's use is written down", () => {
  const now = new Date("2026-05-04T10:00:00Z");
  it("on its first use, and again once its last recorded use is a minute old", () => {
    expect(keyTouchDue(null, now)).toBe(true);
    expect(keyTouchDue(new Date("2026-05-04T09:59:00Z"), now)).toBe(true);
    expect(keyTouchDue(new Date("2026-05-04T09:58:00Z"), now)).toBe(true);
  });
  it("not while its last recorded use is less than a minute old (lastUsedAt is exact to the minute)", () => {
    expect(keyTouchDue(new Date("2026-05-04T09:59:00.001Z"), now)).toBe(false);
    expect(keyTouchDue(now, now)).toBe(false);
  });
});
