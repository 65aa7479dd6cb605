import { outputType } from "@bgm/domain";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { resultsDe } from "../../../lib/i18n/results.de";
import { translator } from "../../../test/translator";
import { payloadFacts } from "./payload-facts";

// Dates and numbers are formatted in the current language; the real lib/i18n sets up the browser.
vi.mock("../../../lib/i18n", async () => ({ default: (await import("../../../test/fake-i18n")).fakeI18n }));

let t: TFunction;
beforeAll(async () => {
  t = await translator("de", resultsDe);
});

const example = (key: string) => structuredClone(outputType(key)?.example) as Record<string, unknown>;
const asMap = (facts: ReturnType<typeof payloadFacts>) => Object.fromEntries((facts ?? []).map((f) => [f.label, f.items ?? f.value]));

describe("payloadFacts: what a delivered version says, at a glance", () => {
  it("summarises a COPSOQ analysis: period, response rate, scales and groups with their sizes", () => {
    const payload = { ...example("copsoq_analysis"), groups: [{ name: "Produktion", n: 31, scales: [] }] };
    const facts = asMap(payloadFacts("copsoq_analysis", payload, t));
    expect(facts).toMatchObject({
      Fragebogen: "COPSOQ III (Standardversion 2021)",
      Befragungszeitraum: "05.10.2026 bis 23.10.2026",
      Rückmeldungen: "84 von 120 Eingeladenen (70 %)",
      Auswertungsgruppen: "Produktion (n = 31)",
    });
    expect(Number(facts.Skalen)).toBe((example("copsoq_analysis").scales as unknown[]).length);
  });

  it("says 'keine' for a COPSOQ analysis without groups, also when the list is left out", () => {
    const { groups: _, ...withoutGroups } = example("copsoq_analysis");
    expect(asMap(payloadFacts("copsoq_analysis", withoutGroups, t)).Auswertungsgruppen).toBe("keine");
    expect(asMap(payloadFacts("copsoq_analysis", { ...example("copsoq_analysis"), groups: [] }, t)).Auswertungsgruppen).toBe("keine");
  });

  it("gives no facts for a COPSOQ payload its schema rejects, rather than wrong ones", () => {
    expect(payloadFacts("copsoq_analysis", { ...example("copsoq_analysis"), invitedCount: 0, respondingCount: 0 }, t)).toBeNull();
    expect(payloadFacts("copsoq_analysis", { ...example("copsoq_analysis"), surveyPeriod: undefined }, t)).toBeNull();
  });

  it("shows participation with the exact rate, German number format", () => {
    const payload = {
      label: "Rückenfit-Kurs",
      period: { from: "2026-11-01", to: "2026-11-30" },
      registeredCount: 1200,
      attendedCount: 1050,
      attendanceRate: 87.5,
    };
    expect(asMap(payloadFacts("participation_stats", payload, t))).toEqual({
      Angebot: "Rückenfit-Kurs",
      Zeitraum: "01.11.2026 bis 30.11.2026",
      Teilnahme: "87,5 % – 1.050 von 1.200 Angemeldeten",
    });
  });

  it("lists an intervention plan's interventions by title", () => {
    const payload = { title: "Plan 2027", interventions: [{ title: "Rückenkurs" }, { title: "Stressprävention" }] };
    expect(payloadFacts("intervention_plan", payload, t)).toEqual([
      { label: "Plan", value: "Plan 2027" },
      { label: "Maßnahmen (2)", value: "", items: ["Rückenkurs", "Stressprävention"] },
    ]);
  });

  it("counts an ergonomic assessment's findings per risk level and lists measures with due dates", () => {
    const payload = {
      date: "2026-11-10",
      assessor: "ErgoProfi",
      workplaces: [{ name: "Lager", count: 12 }],
      findings: [{ riskLevel: "high" }, { riskLevel: "low" }, { riskLevel: "low" }],
      measures: [{ title: "Hebehilfen", dueDate: "2027-01-31" }],
    };
    expect(asMap(payloadFacts("ergonomic_assessment", payload, t))).toEqual({
      Datum: "10.11.2026",
      "Beurteilt von": "ErgoProfi",
      Arbeitsplätze: "Lager (12)",
      Befunde: "1 hohes, 0 mittleres, 2 geringes Risiko",
      "Maßnahmen (1)": ["Hebehilfen (31.01.2027)"],
    });
  });

  it("keeps a malformed legacy row readable: missing lists count as empty", () => {
    const payload = { title: "Plan ohne Maßnahmen" };
    expect(payloadFacts("intervention_plan", payload, t)).toEqual([
      { label: "Plan", value: "Plan ohne Maßnahmen" },
      { label: "Maßnahmen (0)", value: "", items: [] },
    ]);
  });

  it("gives null for a payload it cannot read and for an unknown output type", () => {
    expect(payloadFacts("copsoq_analysis", null as unknown as Record<string, unknown>, t)).toBeNull();
    expect(payloadFacts("unknown_type" as never, {}, t)).toBeNull();
  });
});
