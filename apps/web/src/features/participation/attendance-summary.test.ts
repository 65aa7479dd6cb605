import { describe, expect, it, vi } from "vitest";

vi.mock("../../lib/i18n", async () => ({ default: (await import("../../test/fake-i18n")).fakeI18n }));

import { summarize, withStatus } from "./attendance-summary";
import { formatShare } from "./format";

const row = (employeeId: string, status: Parameters<typeof summarize>[0][number]["status"]) => ({ employeeId, status });

describe("summarize", () => {
  it("counts attended of everyone who holds a place: 28/32 → 87.5 %", () => {
    const rows = [
      ...Array.from({ length: 28 }, (_, i) => row(`a${i}`, "attended")),
      ...Array.from({ length: 3 }, (_, i) => row(`n${i}`, "no_show")),
      row("r", "registered"),
      row("w", "waitlisted"),
      row("c", "cancelled"),
    ];
    expect(summarize(rows)).toEqual({ attended: 28, expected: 32, rate: 0.875 });
  });

  it("has no rate while nobody is expected", () => {
    expect(summarize([row("w", "waitlisted")])).toEqual({ attended: 0, expected: 0, rate: null });
  });
});

describe("withStatus", () => {
  it("marks people with a place and leaves waitlisted and cancelled people alone", () => {
    const rows = [row("a", "registered"), row("b", "no_show"), row("c", "waitlisted"), row("d", "cancelled")];
    const next = withStatus(rows, new Set(["a", "b", "c", "d"]), "attended");
    expect(next.map((r) => r.status)).toEqual(["attended", "attended", "waitlisted", "cancelled"]);
    expect(rows[0]?.status).toBe("registered");
  });

  it("takes a mark back (a correction) for one person only", () => {
    const rows = [row("a", "attended"), row("b", "attended")];
    expect(withStatus(rows, new Set(["b"]), "registered").map((r) => r.status)).toEqual(["attended", "registered"]);
  });
});

describe("formatShare", () => {
  it("writes the summary's rate as German and English people read it", () => {
    expect(formatShare(0.875, "de-DE")).toBe("87,5\u00a0%");
    expect(formatShare(2 / 3, "de-DE")).toBe("66,7\u00a0%");
    expect(formatShare(1, "en-GB")).toBe("100%");
  });
});
