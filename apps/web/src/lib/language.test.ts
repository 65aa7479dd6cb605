import { describe, expect, it } from "vitest";
import { LANGUAGES, languageOf, localeOf } from "./language";

describe("languageOf / localeOf", () => {
  it("takes English as English and anything else as German", () => {
    expect(LANGUAGES).toEqual(["de", "en"]);
    expect(languageOf("en")).toBe("en");
    for (const tag of ["de", "de-AT", "en-US", "fr", "", null, undefined]) expect(languageOf(tag)).toBe("de");
  });

  it("writes numbers and dates British in English and German otherwise", () => {
    expect(localeOf("en")).toBe("en-GB");
    expect(localeOf("de")).toBe("de-DE");
    expect(localeOf(undefined)).toBe("de-DE");
  });
});
