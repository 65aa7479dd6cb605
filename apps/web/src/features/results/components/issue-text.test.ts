import { outputType } from "@bgm/domain";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { resultsDe } from "../../../lib/i18n/results.de";
import { resultsEn } from "../../../lib/i18n/results.en";
import { translator } from "../../../test/translator";
import { issueLine, issueText } from "./issue-text";

let de: TFunction;
let en: TFunction;
beforeAll(async () => {
  de = await translator("de", resultsDe);
  en = await translator("en", resultsEn);
});

const copsoq = () =>
  structuredClone(outputType("copsoq_analysis")?.example) as Record<string, unknown> & { scales: Record<string, unknown>[] };
const zodIssues = (payload: unknown) => {
  const r = outputType("copsoq_analysis")?.schema.safeParse(payload);
  return r && !r.success ? r.error.issues : [];
};

describe("issueText: result problems in the partner's words", () => {
  it("names a field inside a list entry by its labels and the entry's name, never a JSON path or Zod's words", () => {
    const payload = copsoq();
    const first = payload.scales[0] as Record<string, unknown>;
    delete first.n;
    const [issue] = zodIssues(payload);
    expect(issue).toBeDefined();
    const line = issueLine(issue as never, payload, de, "de");
    expect(line).toBe(`Skalen › ${String(first.name)} › Anzahl gültiger Antworten (n): Bitte ausfüllen.`);
    expect(issueLine(issue as never, payload, en, "en")).toMatch(/: Please fill in\.$/);
    expect(line).not.toMatch(/Ungültige Eingabe|erwartet|undefined|\.0\./);
  });

  it("lists an enum's choices by their words", () => {
    const payload = copsoq();
    const scale = payload.scales[0] as { reference?: { allOccupations?: Record<string, unknown> } };
    if (!scale.reference?.allOccupations) throw new Error("the example has a reference");
    scale.reference.allOccupations.comparison = "egal";
    const issue = zodIssues(payload).find((i) => i.code === "invalid_value");
    expect(issueText(issue as never, payload, de, "de").text).toBe(
      "Bitte eine der Möglichkeiten wählen: besser, schlechter, kein Unterschied.",
    );
  });

  it("words type and range problems, and the schemas' own rules from the registry", () => {
    const wrongType = { ...copsoq(), invitedCount: "viele" };
    expect(zodIssues(wrongType).map((i) => issueLine(i as never, wrongType, de, "de"))).toEqual([
      "Eingeladene Beschäftigte: Bitte eine Zahl eingeben.",
    ]);
    const tooFew = { ...copsoq(), respondingCount: 2 };
    expect(zodIssues(tooFew).map((i) => issueLine(i as never, tooFew, de, "de"))).toContain(
      "Antworten: Weniger als 5 Antworten können nicht anonym ausgewertet werden.",
    );
  });

  it("reads the server's 422 issues (path and code only) the same way", () => {
    const payload = copsoq();
    const server = { path: ["scales", 0, "n"], code: "invalid_type", message: "Invalid input: expected number, received undefined" };
    // Without `expected` and `input` the server's issue can only say the value is wrong, in German.
    expect(issueText(server, payload, de, "de")).toEqual({
      field: `Skalen › ${String(payload.scales[0]?.name)} › Anzahl gültiger Antworten (n)`,
      text: "Dieser Wert ist ungültig.",
    });
    expect(issueText({ path: [], code: "custom", message: "x" }, payload, de, "de").field).toBeNull();
  });
});
