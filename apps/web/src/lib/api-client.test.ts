import { describe, expect, it } from "vitest";
import { fileNameFromDisposition } from "./api-client";

describe("fileNameFromDisposition", () => {
  it("takes the quoted name the API sends for its exports", () => {
    expect(fileNameFromDisposition('attachment; filename="kassenbericht-2026-01-01-2026-12-31.csv"', "x.csv")).toBe(
      "kassenbericht-2026-01-01-2026-12-31.csv",
    );
  });

  it("prefers the UTF-8 name (umlauts) over the plain one", () => {
    expect(fileNameFromDisposition("attachment; filename=\"bericht.pdf\"; filename*=UTF-8''Bericht%20M%C3%BCller.pdf", "x.pdf")).toBe(
      "Bericht Müller.pdf",
    );
  });

  it("reads an unquoted name", () => {
    expect(fileNameFromDisposition("attachment; filename=report.xlsx", "x.xlsx")).toBe("report.xlsx");
  });

  it("falls back when the header is missing, empty or names no file", () => {
    expect(fileNameFromDisposition(null, "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFromDisposition("attachment", "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFromDisposition('attachment; filename=""', "fallback.csv")).toBe("fallback.csv");
  });

  it("never lets a name point into another folder", () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', "x")).toBe("....etcpasswd");
  });
});
