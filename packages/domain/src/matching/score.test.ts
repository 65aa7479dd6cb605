import { describe, expect, it } from "vitest";
import { regionCovers } from "./regions.js";
import { baselineMatch, type MatchContext, type MatchOffering, matchOfferings } from "./score.js";
import { stem } from "./text.js";

const offer = (o: Partial<MatchOffering> & { id: string; title: string; category: string }): MatchOffering => ({
  description: "",
  providerName: "Anbieter",
  certifications: [],
  deliveryMode: "remote",
  priceFromCents: 100_000,
  relevantPhases: [4],
  relevantTasks: [],
  regions: ["DE"],
  ...o,
});
const ctx = (c: Partial<MatchContext>): MatchContext => ({ phase: 4, goals: [], ...c });
const titles = (c: MatchContext, os: MatchOffering[]) => matchOfferings(c, os).map((m) => m.offering.title);

const yoga = offer({ id: "y", title: "Yoga im Büro", category: "movement", description: "Bewegte Pause" });
const resilience = offer({ id: "r", title: "Resilienztraining", category: "mental_health" });
const ergo = offer({ id: "e", title: "Ergonomie-Check", category: "ergonomics", description: "Körperliche Belastungen am Arbeitsplatz" });
const food = offer({ id: "f", title: "Kochkurs", category: "nutrition" });

describe("partner matching (issue 15)", () => {
  it("stems German words the way the offering texts need it", () => {
    expect(stem("Rückenbeschwerden")).toBe("ruckenbeschwerd");
    expect(stem("Kantine")).toBe("kantin");
  });

  it('"Krankenstand senken" finds movement and mental-health offerings, none of which says "Krankenstand"', () => {
    const c = ctx({ goals: [{ id: "g", title: "Krankenstand senken" }] });
    const [first, second, ...rest] = matchOfferings(c, [food, yoga, resilience]);
    expect([first?.offering.title, second?.offering.title].sort()).toEqual(["Resilienztraining", "Yoga im Büro"]);
    expect(first?.reasons[0]?.text.de).toMatch(/^Passt zu Ihrem Ziel „Krankenstand senken“: .* hilft bei Fehlzeiten$/);
    expect(rest.map((m) => m.reasons.map((r) => r.kind))).toEqual([["phase"]]);
    // The baseline knows only literal words: no goal match at all.
    expect(baselineMatch(c, [food, yoga, resilience]).every((m) => m.score === 1)).toBe(true);
  });

  it('a goal\'s KPI counts too: "AU-Tage um 10 % senken"', () => {
    const c = ctx({ goals: [{ id: "g", title: "Gesünder arbeiten", target: "AU-Tage um 10 % senken" }] });
    expect(titles(c, [food, yoga])[0]).toBe("Yoga im Büro");
  });

  it('does not pass an ergonomics check off as fitting "Psychische Belastung erkennen" because both say "Belastung"', () => {
    const c = ctx({ goals: [{ id: "g", title: "Psychische Belastung erkennen" }] });
    const m = matchOfferings(c, [ergo, resilience]);
    expect(m.find((x) => x.offering.id === "e")?.reasons.map((r) => r.kind)).toEqual(["phase"]);
    expect(m[0]?.offering.id).toBe("r");
  });

  it("uses survey scales worse than the reference, and only scales of at least the minimum group size", () => {
    const scale = { key: "quantitative_demands", name: "Quantitative Anforderungen", mean: 62, referenceMean: 52, worse: true };
    const m = matchOfferings(ctx({ surveyScales: [{ ...scale, n: 40 }] }), [yoga, resilience]);
    expect(m[0]?.offering.id).toBe("r");
    expect(m[0]?.reasons[0]).toEqual({
      kind: "survey",
      text: {
        de: "Weil Ihre Befragung bei „Quantitative Anforderungen“ schlechter als der Referenzwert liegt (62 statt 52)",
        en: 'Because your survey scores "Quantitative Anforderungen" worse than the reference (62 vs 52)',
      },
    });
    const small = matchOfferings(ctx({ surveyScales: [{ ...scale, n: 4 }], minGroupSize: 5 }), [resilience]);
    expect(small[0]?.reasons.map((r) => r.kind)).toEqual(["phase"]);
    const raised = matchOfferings(ctx({ surveyScales: [{ ...scale, n: 8 }], minGroupSize: 10 }), [resilience]);
    expect(raised[0]?.reasons.map((r) => r.kind)).toEqual(["phase"]);
  });

  it("fit: on site where the company is, in the budget, §20 when funded courses are preferred", () => {
    const north = offer({
      id: "n",
      title: "Rückenkurs Nord",
      category: "movement",
      deliveryMode: "on_site",
      regions: ["Hamburg", "Schleswig-Holstein"],
    });
    const south = offer({ id: "s", title: "Rückenkurs Süd", category: "movement", deliveryMode: "on_site", regions: ["Bayern"] });
    const funded = offer({ id: "z", title: "Zertifizierter Kurs", category: "movement", certifications: ["ZPP"], priceFromCents: 9_000 });
    const c = ctx({ locations: ["Hamburg", "Lübeck"], budgetCents: 50_000, preferFunded: true });
    const m = matchOfferings(c, [south, north, funded]);
    expect(m.map((x) => x.offering.id)).toEqual(["z", "n", "s"]);
    expect(m[0]?.reasons.map((r) => r.kind)).toEqual(["phase", "fit", "fit"]);
    expect(m[0]?.reasons.slice(1).map((r) => r.text.de)).toEqual([
      "Im Budget (ab 90 €)",
      "§ 20 zertifiziert – Ihre Krankenkasse kann bezuschussen",
    ]);
    expect(m[1]?.reasons.map((r) => r.text.de)).toContain("Vor Ort in Hamburg und Lübeck");
    expect(regionCovers(["Niedersachsen"], "Lübeck")).toBe(false);
    expect(regionCovers(["DE"], "Irgendwo")).toBe(true);
  });

  it("history: running bookings are left out (health-day stations excepted), declined ones step back", () => {
    const station = offer({ id: "st", title: "Station", category: "health_day_module" });
    const c = ctx({
      history: [
        { offeringId: "y", status: "in_progress" },
        { offeringId: "st", status: "accepted" },
        { offeringId: "r", status: "declined" },
      ],
    });
    expect(titles(c, [yoga, resilience, station, food])).toEqual(["Kochkurs", "Station", "Resilienztraining"]);
  });

  it("the task outranks everything", () => {
    const task = offer({
      id: "t",
      title: "Befragung",
      category: "survey_analysis",
      relevantTasks: ["employee_survey"],
      relevantPhases: [2],
    });
    const c = ctx({ taskKey: "employee_survey", phase: 2, goals: [{ id: "g", title: "Krankenstand senken" }] });
    expect(matchOfferings(c, [yoga, resilience, task])[0]?.reasons[0]?.kind).toBe("task");
  });
});
