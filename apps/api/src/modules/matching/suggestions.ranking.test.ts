import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestApp } from "../../../test/demo-app.js";
import type { Api, TestApp } from "../../../test/helpers.js";

/**
 * The ranking on the demo data, pinned: the whole answer (order, scores, every reason's text) for the
 * queries the task widget, the phase views and the fit options send. The route reads lean candidate rows
 * and loads the full offerings of the top ones only; this says that changes nothing a manager sees.
 */

interface Suggestion {
  offering: { id: string; title: string; providerName: string };
  reasons: { kind: string; text: { de: string; en: string } }[];
  score: number;
}

let t: TestApp;
let petra: Api;

beforeAll(async () => {
  ({ t, petra } = await createDemoTestApp());
});
afterAll(() => t?.close());

/** One line per suggestion: score, title, provider, then each reason (kind: German text). */
async function ranking(query: string): Promise<string[]> {
  const res = await petra.get(`/api/marketplace/suggestions?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Suggestion[]).map(
    (s) => `${s.score} ${s.offering.title} (${s.offering.providerName}) | ${s.reasons.map((r) => `${r.kind}: ${r.text.de}`).join(" | ")}`,
  );
}

const PINNED: Record<string, string[]> = {
  "taskKey=employee_survey&limit=20": [
    "122 COPSOQ-Analyse (SurveyPro GmbH) | task: Passt zur Aufgabe „Mitarbeiterbefragung durchführen“ | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“ | phase: Passt zu Phase 2 „Analyse“",
    "110 Quick Pulse Survey (FeedbackNow) | task: Passt zur Aufgabe „Mitarbeiterbefragung durchführen“ | phase: Passt zu Phase 2 „Analyse“",
    "10 AU-Datenanalyse (Gesundheitskasse Nord) | phase: Passt zu Phase 2 „Analyse“",
  ],
  "phase=2&limit=20": [
    "22 COPSOQ-Analyse (SurveyPro GmbH) | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“ | phase: Passt zu Phase 2 „Analyse“",
    "10 AU-Datenanalyse (Gesundheitskasse Nord) | phase: Passt zu Phase 2 „Analyse“",
    "10 Quick Pulse Survey (FeedbackNow) | phase: Passt zu Phase 2 „Analyse“",
  ],
  "phase=3&limit=20": [
    "25 Rückenscreening (Rückenpause GmbH) | goal: Passt zu Ihrem Ziel „Rückenbeschwerden reduzieren“ | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "18 Gesund führen: Coaching für Führungskräfte (MindBalance Coaching) | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“: Coaching hilft bei psychische Gesundheit | phase: Passt zu Phase 3 „Planung“",
    "13 Gesundheitstag Full-Service (Gesundheitskasse Nord) | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "13 Maßnahmen-Workshop nach der Befragung (SurveyPro GmbH) | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "13 Stress-Messung (cardioscan) | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "10 Ergonomie-Station für den Gesundheitstag (ErgoProfi) | phase: Passt zu Phase 3 „Planung“",
  ],
  "phase=4&limit=20&budgetCents=150000": [
    "27 Rückenscreening (Rückenpause GmbH) | goal: Passt zu Ihrem Ziel „Rückenbeschwerden reduzieren“ | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck | fit: Im Budget (ab 950 €)",
    "25 Resilienztraining für Teams (MindBalance Coaching) | goal: Passt zu Ihrem Ziel „Krankheitstage senken“: Psychische Gesundheit hilft bei Fehlzeiten | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“ | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck",
    "20 Gesund führen: Coaching für Führungskräfte (MindBalance Coaching) | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“: Coaching hilft bei psychische Gesundheit | phase: Passt zu Phase 4 „Umsetzung“ | fit: Im Budget (ab 180 €)",
    "15 Gesundheitstag Full-Service (Gesundheitskasse Nord) | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck | fit: Im Budget (ab 0 €)",
    "15 Stress-Messung (cardioscan) | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck | fit: Im Budget (ab 1.100 €)",
    "12 Ergonomie-Station für den Gesundheitstag (ErgoProfi) | phase: Passt zu Phase 4 „Umsetzung“ | fit: Im Budget (ab 700 €)",
  ],
  "phase=5&limit=20&preferFunded=true": ["10 Quick Pulse Survey (FeedbackNow) | phase: Passt zu Phase 5 „Evaluation“"],
  "limit=20": [
    "22 COPSOQ-Analyse (SurveyPro GmbH) | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“ | phase: Passt zu Phase 2 „Analyse“",
    "10 AU-Datenanalyse (Gesundheitskasse Nord) | phase: Passt zu Phase 2 „Analyse“",
    "10 Quick Pulse Survey (FeedbackNow) | phase: Passt zu Phase 2 „Analyse“",
  ],
  "taskKey=plan_health_day&limit=20": [
    "125 Rückenscreening (Rückenpause GmbH) | task: Passt zur Aufgabe „Gesundheitstag planen“ | goal: Passt zu Ihrem Ziel „Rückenbeschwerden reduzieren“ | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "113 Gesundheitstag Full-Service (Gesundheitskasse Nord) | task: Passt zur Aufgabe „Gesundheitstag planen“ | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "113 Stress-Messung (cardioscan) | task: Passt zur Aufgabe „Gesundheitstag planen“ | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
    "110 Ergonomie-Station für den Gesundheitstag (ErgoProfi) | task: Passt zur Aufgabe „Gesundheitstag planen“ | phase: Passt zu Phase 3 „Planung“",
    "18 Gesund führen: Coaching für Führungskräfte (MindBalance Coaching) | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“: Coaching hilft bei psychische Gesundheit | phase: Passt zu Phase 3 „Planung“",
    "13 Maßnahmen-Workshop nach der Befragung (SurveyPro GmbH) | phase: Passt zu Phase 3 „Planung“ | fit: Vor Ort in Hamburg und Lübeck",
  ],
  "taskKey=run_interventions&limit=20&preferFunded=true&budgetCents=90000": [
    "131 Resilienztraining für Teams (MindBalance Coaching) | task: Passt zur Aufgabe „Maßnahmen durchführen“ | goal: Passt zu Ihrem Ziel „Krankheitstage senken“: Psychische Gesundheit hilft bei Fehlzeiten | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“ | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck | fit: § 20 zertifiziert – Ihre Krankenkasse kann bezuschussen",
    "120 Gesund führen: Coaching für Führungskräfte (MindBalance Coaching) | task: Passt zur Aufgabe „Maßnahmen durchführen“ | goal: Passt zu Ihrem Ziel „Psychische Belastung erkennen“: Coaching hilft bei psychische Gesundheit | phase: Passt zu Phase 4 „Umsetzung“ | fit: Im Budget (ab 180 €)",
    "117 Rückenscreening (Rückenpause GmbH) | task: Passt zur Aufgabe „Maßnahmen durchführen“ | goal: Passt zu Ihrem Ziel „Rückenbeschwerden reduzieren“ | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck",
    "15 Gesundheitstag Full-Service (Gesundheitskasse Nord) | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck | fit: Im Budget (ab 0 €)",
    "12 Ergonomie-Station für den Gesundheitstag (ErgoProfi) | phase: Passt zu Phase 4 „Umsetzung“ | fit: Im Budget (ab 700 €)",
    "5 Stress-Messung (cardioscan) | phase: Passt zu Phase 4 „Umsetzung“ | fit: Vor Ort in Hamburg und Lübeck",
  ],
};

describe("the suggestions' ranking on the demo data", () => {
  it.each(Object.keys(PINNED))("is unchanged for %s", async (query) => {
    expect(await ranking(query)).toEqual(PINNED[query]);
  });
});
