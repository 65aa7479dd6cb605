import type { MatchContext, SurveyScale } from "@bgm/domain";

/**
 * The labelled set of issue 15: company situations and the offerings an occupational-health expert
 * would put in front of the manager (order does not matter; at most five each). Written by hand from the
 * two catalogues in catalogues.ts, before tuning the weights, and reviewed like code: change a label only
 * with a reason an expert would give, never to make a score go up.
 */
export interface LabelledCase {
  name: string;
  catalogue: "demo" | "generated";
  context: MatchContext;
  relevant: string[];
}

const worse = (key: string, name: string, mean: number, referenceMean: number, n = 60): SurveyScale => ({
  key,
  name,
  n,
  mean,
  referenceMean,
  worse: true,
});
const HAMBURG = ["Hamburg", "Lübeck"];
const MUNICH = ["München", "Augsburg"];
const COLOGNE = ["Köln", "Düsseldorf"];
const goal = (title: string, target = "") => ({ id: title, title, target });

const demo = (name: string, context: Partial<MatchContext>, relevant: string[]): LabelledCase => ({
  name,
  catalogue: "demo",
  context: { goals: [], locations: HAMBURG, ...context },
  relevant,
});
const gen = (name: string, context: Partial<MatchContext>, relevant: string[]): LabelledCase => ({
  name,
  catalogue: "generated",
  context: { goals: [], ...context },
  relevant,
});

export const LABELLED_SET: LabelledCase[] = [
  // --- the demo catalogue, a company in Hamburg and Lübeck like Muster GmbH
  demo("survey task", { taskKey: "employee_survey", phase: 2 }, ["copsoq", "pulse"]),
  demo("sick-leave analysis task", { taskKey: "sick_leave_analysis", phase: 2 }, ["audata"]),
  demo("health day task", { taskKey: "plan_health_day", phase: 3 }, ["screening", "stress", "ergostation", "fullservice"]),
  demo("back pain goal in phase 4", { phase: 4, goals: [goal("Rückenbeschwerden reduzieren")] }, ["screening", "backcourse"]),
  demo("sick days goal in phase 4", { phase: 4, goals: [goal("Krankheitstage senken", "AU-Tage um 10 % senken")] }, [
    "backcourse",
    "resilience",
  ]),
  demo("stress goal in phase 4", { phase: 4, goals: [goal("Stress reduzieren")] }, ["resilience", "stress", "leadership"]),
  demo("psychological strain goal in phase 2", { phase: 2, goals: [goal("Psychische Belastung erkennen")] }, ["copsoq", "pulse"]),
  demo(
    "survey: demands and work-privacy conflict worse, phase 4",
    {
      phase: 4,
      surveyScales: [
        worse("quantitative_demands", "Quantitative Anforderungen", 62, 52),
        worse("work_privacy_conflict", "Work-Privacy-Konflikt", 48, 40),
      ],
    },
    ["resilience", "leadership"],
  ),
  demo(
    "survey: demands worse, phase 3",
    { phase: 3, surveyScales: [worse("quantitative_demands", "Quantitative Anforderungen", 62, 52)] },
    ["leadership", "stress", "workshop"],
  ),
  demo("nutrition goal", { phase: 4, goals: [goal("Ernährung in der Kantine verbessern")] }, ["lunch", "foodcoach"]),
  demo("funded courses preferred", { phase: 4, preferFunded: true, goals: [goal("Gesundheit fördern")] }, [
    "backcourse",
    "lunch",
    "foodcoach",
    "resilience",
  ]),
  demo(
    "interventions task, back goal, back course already running",
    {
      taskKey: "run_interventions",
      phase: 4,
      goals: [goal("Rückenbeschwerden reduzieren")],
      history: [{ offeringId: "backcourse", status: "in_progress" }],
    },
    ["screening"],
  ),
  demo(
    "Muster GmbH today: three goals, three courses running",
    {
      phase: 4,
      goals: [
        goal("Krankheitstage senken", "AU-Tage um 10 % senken"),
        goal("Rückenbeschwerden reduzieren"),
        goal("Psychische Belastung erkennen"),
      ],
      history: [
        { offeringId: "backcourse", status: "in_progress" },
        { offeringId: "lunch", status: "in_progress" },
        { offeringId: "foodcoach", status: "in_progress" },
      ],
    },
    ["resilience", "screening", "leadership", "stress"],
  ),
  demo("ergonomic findings in phase 2", { phase: 2, ergonomics: { elevated: 2 } }, ["ergocheck"]),
  demo("small budget in phase 4", { phase: 4, budgetCents: 20_000 }, ["backcourse", "foodcoach", "leadership"]),
  demo("anchoring in phase 6", { phase: 6 }, ["leadership"]),
  demo("effectiveness task", { taskKey: "measure_effectiveness", phase: 5 }, ["pulse", "foodcoach"]),
  demo("health day goal in phase 3", { phase: 3, goals: [goal("Gesundheitstag durchführen")] }, [
    "fullservice",
    "screening",
    "stress",
    "ergostation",
  ]),

  // --- the generated catalogue: the same kinds from providers in the north, south, west or nationwide
  gen("north: back pain", { phase: 4, locations: HAMBURG, goals: [goal("Rückenbeschwerden reduzieren")] }, [
    "rueckenschule@nord",
    "bewegtepause@nord",
    "ergoberatung@nord",
  ]),
  gen("south: sick leave", { phase: 4, locations: MUNICH, goals: [goal("Krankenstand senken")] }, [
    "rueckenschule@sued",
    "bewegtepause@sued",
    "stressbewaeltigung@sued",
    "eap@de",
  ]),
  gen(
    "west: survey shows demands and burnout",
    {
      phase: 4,
      locations: COLOGNE,
      surveyScales: [worse("quantitative_demands", "Quantitative Anforderungen", 64, 52), worse("burnout", "Burnout", 45, 36)],
    },
    ["stressbewaeltigung@west", "eap@de", "schlaf@de", "fuehrung@west"],
  ),
  gen("north: survey task", { taskKey: "employee_survey", phase: 2, locations: HAMBURG }, ["befragung@de"]),
  gen("north: sick-leave task", { taskKey: "sick_leave_analysis", phase: 2, locations: HAMBURG }, ["audaten@de"]),
  gen("south: ergonomic check task", { taskKey: "ergonomic_workplace_check", phase: 2, locations: MUNICH }, [
    "ergoberatung@sued",
    "sitzen@de",
  ]),
  gen("north: health day on a small budget", { taskKey: "plan_health_day", phase: 3, locations: HAMBURG, budgetCents: 100_000 }, [
    "hdstation@nord",
  ]),
  gen("west: canteen goal", { phase: 4, locations: COLOGNE, goals: [goal("Ernährung in der Kantine verbessern")] }, [
    "kantine@west",
    "ernaehrungskurs@west",
  ]),
  gen("north: funded movement", { phase: 4, locations: HAMBURG, preferFunded: true, goals: [goal("Bewegung fördern")] }, [
    "rueckenschule@nord",
    "bewegtepause@nord",
  ]),
  gen("south: smoking", { phase: 4, locations: MUNICH, goals: [goal("Rauchen am Arbeitsplatz reduzieren")] }, ["rauchfrei@sued"]),
  gen("north: leadership in phase 3", { phase: 3, locations: HAMBURG, goals: [goal("Führungskräfte für Gesundheit sensibilisieren")] }, [
    "fuehrung@nord",
  ]),
  gen("west: ergonomic findings", { phase: 4, locations: COLOGNE, ergonomics: { elevated: 3 } }, ["ergoberatung@west", "sitzen@de"]),
  gen(
    "south: psychological strain, counselling already running",
    {
      phase: 4,
      locations: MUNICH,
      goals: [goal("Psychische Belastung reduzieren")],
      history: [{ offeringId: "eap@de", status: "in_progress" }],
    },
    ["stressbewaeltigung@sued", "schlaf@de", "fuehrung@sued"],
  ),
  gen("north: absence KPI", { phase: 4, locations: HAMBURG, goals: [goal("Gesünder arbeiten", "Fehlzeiten unter 5 % senken")] }, [
    "rueckenschule@nord",
    "bewegtepause@nord",
    "stressbewaeltigung@nord",
    "eap@de",
  ]),
  gen("west: strain survey in phase 2", { phase: 2, locations: COLOGNE, goals: [goal("Psychische Belastung erkennen")] }, ["befragung@de"]),
  gen(
    "north: general health worse in survey",
    { phase: 4, locations: HAMBURG, surveyScales: [worse("general_health", "Allgemeiner Gesundheitszustand", 58, 66)] },
    ["bewegtepause@nord", "rueckenschule@nord", "stressbewaeltigung@nord"],
  ),
  gen("south: shift work", { phase: 4, locations: MUNICH, goals: [goal("Schichtarbeit gesünder gestalten")] }, [
    "schlaf@de",
    "ernaehrungskurs@sued",
  ]),
  gen(
    "north: back pain in the warehouse, back school declined",
    {
      phase: 4,
      locations: HAMBURG,
      goals: [goal("Rückenbeschwerden im Lager reduzieren")],
      history: [{ offeringId: "rueckenschule@nord", status: "quote_rejected" }],
    },
    ["ergoberatung@nord", "bewegtepause@nord"],
  ),
];
