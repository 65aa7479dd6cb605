import { describe, expect, it } from "vitest";
import { mulberry32 as random } from "../testing/mulberry32.js";
import { type MatchContext, type MatchOffering, matchOfferings, topMatches } from "./score.js";

const CATEGORIES = ["movement", "mental_health", "ergonomics", "nutrition", "analysis", "coaching", "health_day_module"];
const TITLES = ["Rückenfit", "Resilienztraining", "Ergonomie-Check", "Kochkurs", "COPSOQ-Analyse", "Gesund führen", "Stress-Messung"];
const REGIONS = [["DE"], ["Hamburg"], ["Schleswig-Holstein"], ["Bayern"], [], ["Hamburg", "Bremen"]];
const TASKS = ["employee_survey", "run_interventions", "plan_health_day", "ergonomic_workplace_check"];

/** Many offerings with the same few titles and scores: ties are the rule, as in a large catalogue. */
function catalogue(n: number, rnd: () => number): MatchOffering[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    title: `${pick(TITLES)}${rnd() < 0.5 ? "" : ` ${pick(["Basis", "Plus", "vor Ort"])}`}`,
    description: pick(["Bewegte Pause gegen Rückenbeschwerden", "Stress und psychische Belastung", "Kantine und Ernährung", ""]),
    providerName: pick(["Rückenpause GmbH", "MindBalance", "SurveyPro"]),
    category: pick(CATEGORIES),
    certifications: rnd() < 0.3 ? ["§20 SGB V"] : [],
    deliveryMode: pick(["on_site", "remote", "hybrid"] as const),
    priceFromCents: Math.floor(rnd() * 300_000),
    relevantPhases: [1 + Math.floor(rnd() * 6)],
    relevantTasks: rnd() < 0.4 ? [pick(TASKS)] : [],
    regions: pick(REGIONS),
  }));
}

describe("topMatches", () => {
  it("is the first `limit` of matchOfferings: same offerings, order, scores and reasons", () => {
    const rnd = random(15);
    const offerings = catalogue(600, rnd);
    const contexts: MatchContext[] = [
      { phase: 2, goals: [] },
      {
        taskKey: "employee_survey",
        phase: 2,
        goals: [{ id: "g", title: "Rückenbeschwerden reduzieren" }],
        locations: ["Hamburg", "Lübeck"],
      },
      {
        phase: 4,
        goals: [
          { id: "a", title: "Krankheitstage senken", target: "AU-Tage um 10 % senken" },
          { id: "b", title: "Psychische Belastung erkennen" },
          { id: "c", title: "Gesunde Ernährung" },
          { id: "d", title: "Stress abbauen" },
        ],
        surveyScales: [
          { key: "quantitative_demands", name: "Quantitative Anforderungen", n: 40, mean: 62, referenceMean: 52, worse: true },
        ],
        ergonomics: { elevated: 2 },
        locations: ["Hamburg"],
        budgetCents: 120_000,
        preferFunded: true,
        history: [
          { offeringId: "o3", status: "in_progress" },
          { offeringId: "o7", status: "completed" },
          { offeringId: "o9", status: "declined" },
          { offeringId: "o9", status: "accepted" },
        ],
      },
    ];
    for (const ctx of contexts) {
      const all = matchOfferings(ctx, offerings);
      for (const limit of [1, 5, 20, all.length + 3]) expect(topMatches(ctx, offerings, limit)).toEqual(all.slice(0, limit));
    }
  });

  it("keeps the candidates' order among offerings of equal score and title, as the sort does", () => {
    const same = (id: string): MatchOffering => ({ ...catalogue(1, random(1))[0]!, id, title: "Yoga", relevantPhases: [4] });
    const offerings = ["a", "b", "c", "d"].map(same);
    expect(topMatches({ phase: 4, goals: [] }, offerings, 2).map((m) => m.offering.id)).toEqual(["a", "b"]);
  });
});
