import { z } from "zod";
import { IsoDate } from "../schemas/common.js";
import { RESULT_FILE_TYPES, type ResultFileMime } from "./file-types.js";
import { OFFERING_CATEGORIES } from "./offering-categories.js";
import { resultIssue } from "./result-issues.js";

/**
 * What partners deliver, one entry per output type: the structured payload (a Zod schema that also
 * yields the JSON Schema partners read and the upload form is drawn from), the files accepted beside
 * it, and the place the result lands in once the company accepts it. The landing itself is done by
 * one handler per key in the API's results module (a `Record<OutputTypeKey, …>`, so a new entry
 * without a handler does not compile).
 */

/** COPSOQ: groups below five respondents are never analysed, so nobody can be singled out. */
export const COPSOQ_MIN_GROUP_SIZE = 5;

const Text = (max: number) => z.string().trim().min(1).max(max);
const Score = z.number().min(0).max(100).describe("Score 0–100");
const Count = z.number().int().min(0).max(1_000_000);
const Period = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, { ...resultIssue("period_order"), path: ["to"] });

export const ComparisonFlag = z.enum(["better", "worse", "no_difference"]);
export type ComparisonFlag = z.infer<typeof ComparisonFlag>;

const Reference = z.strictObject({
  label: Text(200).describe('e.g. "Alle Berufe" or "Verwaltung / Büro"'),
  mean: Score,
  comparison: ComparisonFlag.describe("How the company's mean compares with this reference"),
});

const CopsoqScale = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,64}$/, "Scale keys are lower-case letters, digits and _"),
  name: Text(200),
  mean: Score,
  sd: z.number().min(0).max(100),
  n: Count.describe("Valid answers for this scale"),
  reference: z.strictObject({ allOccupations: Reference, occupationGroup: Reference }),
});

const CopsoqGroupScale = z.strictObject({
  key: CopsoqScale.shape.key,
  mean: Score,
  sd: z.number().min(0).max(100),
  n: Count,
});

const CopsoqGroup = z.strictObject({
  name: Text(200).describe("An internal unit, e.g. a department; merge units below the minimum group size"),
  n: Count,
  scales: z.array(CopsoqGroupScale).max(200),
});

export const CopsoqAnalysis = z
  .strictObject({
    questionnaireVersion: Text(200),
    surveyPeriod: Period,
    invitedCount: Count,
    respondingCount: Count,
    occupationGroup: Text(200).describe("The occupation group used as the second reference"),
    scales: z.array(CopsoqScale).min(1).max(200),
    groups: z.array(CopsoqGroup).max(100).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.respondingCount > v.invitedCount) {
      ctx.addIssue({ ...resultIssue("responses_exceed_invited"), path: ["respondingCount"] });
    }
    if (v.respondingCount < COPSOQ_MIN_GROUP_SIZE) {
      ctx.addIssue({ ...resultIssue("too_few_responses", { min: COPSOQ_MIN_GROUP_SIZE }), path: ["respondingCount"] });
    }
    // Texts name a scale by the label the partner gave it ("Burnout-Symptome"), not by its key; a group's
    // scale cell has only the key, so its label is looked up among the survey's scales.
    const labels = new Map<string, string>();
    for (const s of v.scales) if (!labels.has(s.key)) labels.set(s.key, s.name.trim() || s.key);
    const label = (key: string) => labels.get(key) ?? key;
    const keys = new Set<string>();
    v.scales.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ ...resultIssue("scale_twice", { scale: label(s.key) }), path: ["scales", i, "key"] });
      keys.add(s.key);
      if (s.n > v.respondingCount) {
        ctx.addIssue({ ...resultIssue("answers_exceed_responses"), path: ["scales", i, "n"] });
      }
      if (s.n < COPSOQ_MIN_GROUP_SIZE) {
        ctx.addIssue({
          ...resultIssue("scale_too_small", { scale: label(s.key), n: s.n, min: COPSOQ_MIN_GROUP_SIZE }),
          path: ["scales", i, "n"],
        });
      }
    });
    // No differencing: the groups must not overlap, and the respondents outside all listed groups must
    // be none or at least the minimum group size, per survey and per scale; otherwise subtracting the
    // groups from the total would reveal the answers of 1–4 people.
    if (v.groups.length > 0) {
      const inGroups = v.groups.reduce((sum, g) => sum + g.n, 0);
      const rest = v.respondingCount - inGroups;
      if (rest < 0) {
        ctx.addIssue({ ...resultIssue("groups_overlap"), path: ["groups"] });
      } else if (rest > 0 && rest < COPSOQ_MIN_GROUP_SIZE) {
        ctx.addIssue({ ...resultIssue("remainder_too_small", { rest, min: COPSOQ_MIN_GROUP_SIZE }), path: ["groups"] });
      }
      v.scales.forEach((scale, i) => {
        const cells = v.groups.flatMap((g) => g.scales.filter((c) => c.key === scale.key));
        if (cells.length === 0) return;
        const scaleRest = scale.n - cells.reduce((sum, c) => sum + c.n, 0);
        if (scaleRest < 0 || (scaleRest > 0 && scaleRest < COPSOQ_MIN_GROUP_SIZE)) {
          ctx.addIssue({
            ...resultIssue("scale_remainder_too_small", { scale: label(scale.key), rest: scaleRest, min: COPSOQ_MIN_GROUP_SIZE }),
            path: ["scales", i, "n"],
          });
        }
      });
    }
    const names = new Set<string>();
    v.groups.forEach((g, i) => {
      if (names.has(g.name)) ctx.addIssue({ ...resultIssue("group_twice", { group: g.name }), path: ["groups", i, "name"] });
      names.add(g.name);
      if (g.n < COPSOQ_MIN_GROUP_SIZE) {
        ctx.addIssue({
          ...resultIssue("group_too_small", { group: g.name, n: g.n, min: COPSOQ_MIN_GROUP_SIZE }),
          path: ["groups", i, "n"],
        });
      }
      if (g.n > v.respondingCount) {
        ctx.addIssue({ ...resultIssue("group_exceeds_responses", { group: g.name }), path: ["groups", i, "n"] });
      }
      g.scales.forEach((s, j) => {
        if (!keys.has(s.key)) {
          ctx.addIssue({ ...resultIssue("unknown_scale", { scale: s.key }), path: ["groups", i, "scales", j, "key"] });
        }
        if (s.n < COPSOQ_MIN_GROUP_SIZE || s.n > g.n) {
          ctx.addIssue({
            ...resultIssue("group_scale_size", { group: g.name, scale: label(s.key), n: s.n, min: COPSOQ_MIN_GROUP_SIZE }),
            path: ["groups", i, "scales", j, "n"],
          });
        }
      });
    });
  });
export type CopsoqAnalysis = z.infer<typeof CopsoqAnalysis>;

const CATEGORY_KEYS = OFFERING_CATEGORIES.map((c) => c.key) as [string, ...string[]];

export const InterventionPlan = z.strictObject({
  title: Text(200),
  interventions: z
    .array(
      z.strictObject({
        title: Text(200),
        description: z.string().trim().max(5000).default(""),
        category: z.enum(CATEGORY_KEYS),
        targetGroup: Text(200),
        schedule: Text(200).describe('e.g. "Q1 2027, wöchentlich"'),
        costEstimateCents: z.number().int().min(0).max(100_000_000),
        goal: z.string().trim().max(200).nullable().default(null).describe("Title of the company goal it serves, if any"),
      }),
    )
    .min(1)
    .max(50),
});
export type InterventionPlan = z.infer<typeof InterventionPlan>;

export const ParticipationStats = z
  .strictObject({
    label: Text(200).describe('What was attended, e.g. "Rückenfit-Kurs"'),
    period: Period,
    registeredCount: Count,
    attendedCount: Count,
    attendanceRate: z.number().min(0).max(100).describe("Percent of registered participants who attended"),
  })
  .superRefine((v, ctx) => {
    if (v.attendedCount > v.registeredCount) {
      ctx.addIssue({ ...resultIssue("attended_exceed_registered"), path: ["attendedCount"] });
    }
    const expected = v.registeredCount === 0 ? 0 : (v.attendedCount / v.registeredCount) * 100;
    if (Math.abs(expected - v.attendanceRate) > 0.5) {
      ctx.addIssue({
        ...resultIssue("rate_mismatch", { rate: v.attendanceRate, expected: expected.toFixed(1) }),
        path: ["attendanceRate"],
      });
    }
  });
export type ParticipationStats = z.infer<typeof ParticipationStats>;

export const RiskLevel = z.enum(["low", "medium", "high"]);

export const ErgonomicAssessment = z.strictObject({
  date: IsoDate,
  assessor: Text(200),
  workplaces: z
    .array(z.strictObject({ name: Text(200), count: z.number().int().min(1).max(100_000) }))
    .min(1)
    .max(200),
  findings: z.array(z.strictObject({ workplace: Text(200), description: Text(2000), riskLevel: RiskLevel })).max(500),
  measures: z
    .array(
      z.strictObject({
        title: Text(200),
        owner: Text(200),
        dueDate: IsoDate,
        carriedOutAt: IsoDate.nullable().default(null),
        proof: z.string().trim().max(5000).default(""),
      }),
    )
    .min(1)
    .max(200),
  effectivenessCheck: z.string().trim().max(5000).default("").describe("Present when the assessment re-checks measures already taken"),
});
export type ErgonomicAssessment = z.infer<typeof ErgonomicAssessment>;

export const ReportPdf = z.strictObject({ title: Text(200), summary: z.string().trim().min(1).max(5000) });
export type ReportPdf = z.infer<typeof ReportPdf>;

/** Where an accepted result lands; each output type names exactly one. */
export const RESULT_LANDINGS = [
  "phase2_analysis",
  "phase3_planning",
  "kpi_dashboard",
  "legal_requirements",
  "engagement_documents",
] as const;
export type ResultLanding = (typeof RESULT_LANDINGS)[number];

export interface OutputTypeDefinition<K extends string = string, S extends z.ZodType = z.ZodType> {
  key: K;
  label: { de: string; en: string };
  description: { de: string; en: string };
  schema: S;
  /** MIME types accepted beside the payload; `fileRequired` when the file is the result itself. */
  fileTypes: readonly ResultFileMime[];
  fileRequired: boolean;
  landsIn: ResultLanding;
  example: z.input<S>;
  /**
   * Which deliveries are versions of each other: by default every delivery of the type on an
   * engagement replaces the previous one; participation stats of different periods stand side by side.
   */
  seriesKey?: (payload: z.output<S>) => string;
}

const define = <K extends string, S extends z.ZodType>(d: OutputTypeDefinition<K, S>) => d;

export const OUTPUT_TYPES = [
  define({
    key: "copsoq_analysis",
    label: { de: "COPSOQ-Auswertung", en: "COPSOQ analysis" },
    description: {
      de: "Skalenmittelwerte 0–100 mit Referenzvergleich; landet in Phase 2 (Analyse) und der Gefährdungsbeurteilung psychischer Belastung.",
      en: "Scale means 0–100 compared with reference values; lands in phase 2 (Analysis) and the psychological risk assessment.",
    },
    schema: CopsoqAnalysis,
    fileTypes: [RESULT_FILE_TYPES.pdf, RESULT_FILE_TYPES.xlsx],
    fileRequired: false,
    landsIn: "phase2_analysis",
    example: {
      questionnaireVersion: "COPSOQ III (Standardversion 2021)",
      surveyPeriod: { from: "2026-10-05", to: "2026-10-23" },
      invitedCount: 120,
      respondingCount: 84,
      occupationGroup: "Büroberufe",
      scales: [
        {
          key: "quantitative_demands",
          name: "Quantitative Anforderungen",
          mean: 58.2,
          sd: 19.4,
          n: 84,
          reference: {
            allOccupations: { label: "Alle Berufe", mean: 52.1, comparison: "worse" },
            occupationGroup: { label: "Büroberufe", mean: 55.0, comparison: "no_difference" },
          },
        },
        {
          key: "work_privacy_conflict",
          name: "Work-Privacy-Konflikt",
          mean: 47.5,
          sd: 24.0,
          n: 83,
          reference: {
            allOccupations: { label: "Alle Berufe", mean: 40.3, comparison: "worse" },
            occupationGroup: { label: "Büroberufe", mean: 41.2, comparison: "worse" },
          },
        },
        {
          key: "influence_at_work",
          name: "Einfluss bei der Arbeit",
          mean: 46.0,
          sd: 20.1,
          n: 84,
          reference: {
            allOccupations: { label: "Alle Berufe", mean: 41.5, comparison: "better" },
            occupationGroup: { label: "Büroberufe", mean: 44.8, comparison: "no_difference" },
          },
        },
        {
          key: "social_support_colleagues",
          name: "Soziale Unterstützung durch Kolleg:innen",
          mean: 71.3,
          sd: 17.2,
          n: 82,
          reference: {
            allOccupations: { label: "Alle Berufe", mean: 69.0, comparison: "no_difference" },
            occupationGroup: { label: "Büroberufe", mean: 68.1, comparison: "better" },
          },
        },
        {
          key: "burnout_symptoms",
          name: "Burnout-Symptome",
          mean: 44.9,
          sd: 21.8,
          n: 84,
          reference: {
            allOccupations: { label: "Alle Berufe", mean: 38.2, comparison: "worse" },
            occupationGroup: { label: "Büroberufe", mean: 39.5, comparison: "worse" },
          },
        },
      ],
      groups: [
        {
          name: "Produktion",
          n: 41,
          scales: [
            { key: "quantitative_demands", mean: 61.0, sd: 18.2, n: 41 },
            { key: "burnout_symptoms", mean: 47.3, sd: 22.0, n: 41 },
          ],
        },
        {
          name: "Verwaltung und Vertrieb",
          n: 43,
          scales: [
            { key: "quantitative_demands", mean: 55.5, sd: 20.1, n: 43 },
            { key: "burnout_symptoms", mean: 42.6, sd: 21.4, n: 43 },
          ],
        },
      ],
    },
  }),
  define({
    key: "intervention_plan",
    label: { de: "Maßnahmenplan", en: "Intervention plan" },
    description: {
      de: "Vorgeschlagene Maßnahmen; landen in Phase 3 (Planung) und können einzeln übernommen werden.",
      en: "Proposed interventions; land in phase 3 (Planning), each adoptable with one click.",
    },
    schema: InterventionPlan,
    fileTypes: [RESULT_FILE_TYPES.pdf, RESULT_FILE_TYPES.docx],
    fileRequired: false,
    landsIn: "phase3_planning",
    example: {
      title: "Maßnahmenplan 2027",
      interventions: [
        {
          title: "Führungskräfte-Workshop „Gesund führen“",
          description: "Zwei halbe Tage für alle Teamleitungen zu Arbeitsverdichtung und Pausenkultur.",
          category: "mental_health",
          targetGroup: "Teamleitungen",
          schedule: "Februar 2027",
          costEstimateCents: 320000,
          goal: null,
        },
        {
          title: "Bewegte Pause in der Produktion",
          description: "Zehn Minuten angeleitete Bewegung pro Schicht, 12 Wochen.",
          category: "movement",
          targetGroup: "Produktion",
          schedule: "März bis Mai 2027, täglich",
          costEstimateCents: 450000,
          goal: null,
        },
      ],
    },
  }),
  define({
    key: "participation_stats",
    label: { de: "Teilnahmestatistik", en: "Participation statistics" },
    description: {
      de: "Angemeldete und teilnehmende Beschäftigte eines Zeitraums; erscheint als Kennzahlkarte mit Verlauf.",
      en: "Registered and attending employees of a period; appears as a KPI card with its trend.",
    },
    schema: ParticipationStats,
    fileTypes: [RESULT_FILE_TYPES.pdf],
    fileRequired: false,
    landsIn: "kpi_dashboard",
    seriesKey: (p) => `${p.period.from}/${p.period.to}`,
    example: {
      label: "Rückenfit-Kurs",
      period: { from: "2026-09-01", to: "2026-10-31" },
      registeredCount: 24,
      attendedCount: 18,
      attendanceRate: 75,
    },
  }),
  define({
    key: "ergonomic_assessment",
    label: { de: "Ergonomische Beurteilung", en: "Ergonomic assessment" },
    description: {
      de: "Beurteilung der Arbeitsplätze mit Befunden und Maßnahmen; dokumentiert die Gefährdungsbeurteilung physischer Belastung.",
      en: "Assessment of workplaces with findings and measures; documents the physical-strain risk assessment.",
    },
    schema: ErgonomicAssessment,
    fileTypes: [RESULT_FILE_TYPES.pdf, RESULT_FILE_TYPES.png, RESULT_FILE_TYPES.jpeg],
    fileRequired: false,
    landsIn: "legal_requirements",
    example: {
      date: "2026-11-10",
      assessor: "Dr. Jana Ergo, ErgoProfi GmbH",
      workplaces: [
        { name: "Bildschirmarbeitsplätze Verwaltung", count: 38 },
        { name: "Montagelinie 2", count: 12 },
      ],
      findings: [
        { workplace: "Bildschirmarbeitsplätze Verwaltung", description: "Monitore zu niedrig, keine Fußstützen", riskLevel: "medium" },
        { workplace: "Montagelinie 2", description: "Heben über 15 kg ohne Hilfsmittel", riskLevel: "high" },
      ],
      measures: [
        {
          title: "Monitorarme und Fußstützen beschaffen",
          owner: "Einkauf, Frau Berg",
          dueDate: "2026-12-15",
          carriedOutAt: null,
          proof: "",
        },
        {
          title: "Hebehilfe an Montagelinie 2 installieren",
          owner: "Instandhaltung, Herr Ohm",
          dueDate: "2027-01-31",
          carriedOutAt: null,
          proof: "",
        },
      ],
      effectivenessCheck: "",
    },
  }),
  define({
    key: "report_pdf",
    label: { de: "Bericht (PDF)", en: "Report (PDF)" },
    description: {
      de: "Ein PDF-Bericht mit Titel und Zusammenfassung für alles andere; erscheint bei den Dokumenten des Auftrags.",
      en: "A PDF report with title and summary for anything else; appears with the engagement's documents.",
    },
    schema: ReportPdf,
    fileTypes: [RESULT_FILE_TYPES.pdf],
    fileRequired: true,
    landsIn: "engagement_documents",
    example: { title: "Abschlussbericht Gesundheitstag", summary: "142 Teilnehmende, 9 Stationen, Rückmeldungen im Anhang." },
  }),
] as const;

export type OutputTypeKey = (typeof OUTPUT_TYPES)[number]["key"];
export const OUTPUT_TYPE_KEYS = OUTPUT_TYPES.map((t) => t.key) as [OutputTypeKey, ...OutputTypeKey[]];

export function outputType(key: string): (typeof OUTPUT_TYPES)[number] | undefined {
  return OUTPUT_TYPES.find((t) => t.key === key);
}

/** The payload type of one output type, for handlers. */
export type OutputPayload<K extends OutputTypeKey> = z.output<Extract<(typeof OUTPUT_TYPES)[number], { key: K }>["schema"]>;
