import {
  type CopsoqAnalysis,
  type ErgonomicAssessment,
  type ErgonomicFindings,
  type MatchContext,
  matchOfferings,
  type SuggestionList,
  type SuggestionQuery,
  type SurveyScale,
  taskTemplate,
} from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { getProject } from "../bgm-process/index.js";
import { employeeGroups } from "../employees/index.js";
import { offeringHistory } from "../engagements/index.js";
import { findMatchCandidates } from "../marketplace/index.js";
import { minGroupSizeOf } from "../participation/index.js";
import { latestAcceptedPayload } from "../results/index.js";

/**
 * The PartnerMatchingService of issue 15: gathers the company's situation (task, phase, goals, accepted
 * analyses, locations, history) and lets the domain's pure `matchOfferings` decide which published
 * offerings fit and why. Everything read here is the company's own data or an aggregate of at least the
 * minimum group size; no person's data reaches the scoring.
 */

/** The scales of an accepted COPSOQ analysis: company-wide aggregates, each with its reference. */
export function surveyScalesOf(payload: unknown): SurveyScale[] {
  const p = payload as CopsoqAnalysis | null;
  if (!p || !Array.isArray(p.scales)) return [];
  return p.scales.map((s) => {
    const worse = s.reference.allOccupations.comparison === "worse" || s.reference.occupationGroup.comparison === "worse";
    return { key: s.key, name: s.name, n: s.n, mean: s.mean, referenceMean: s.reference.allOccupations.mean, worse };
  });
}

/** Findings of medium or high risk in an accepted ergonomic assessment. */
export function ergonomicFindingsOf(payload: unknown): ErgonomicFindings | null {
  const p = payload as ErgonomicAssessment | null;
  if (!p || !Array.isArray(p.findings)) return null;
  return { elevated: p.findings.filter((f) => f.riskLevel !== "low").length };
}

/** The company's locations with at least `min` active employees (smaller ones would point at people). */
export async function companyLocations(scope: TenantScope, min: number): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const e of await employeeGroups(scope)) {
    const place = e.location.trim();
    if (e.active && place) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= min)
    .map(([place]) => place)
    .sort((a, b) => a.localeCompare(b, "de"));
}

export async function suggestPartners(
  scope: TenantScope,
  query: z.output<typeof SuggestionQuery>,
): Promise<z.infer<typeof SuggestionList>> {
  const task = query.taskKey ? taskTemplate(query.taskKey) : null;
  if (query.taskKey && !task) throw AppError.notFound(`Task "${query.taskKey}"`);
  // Sequential on purpose: a transaction's queries share one connection.
  const project = await getProject(scope);
  // A task widget asks about the task's phase; a phase view names its phase; otherwise the project's.
  const phase = query.phase ?? task?.phase ?? project.currentPhase;
  const minGroupSize = await minGroupSizeOf(scope.tx, scope.orgId);
  const context: MatchContext = {
    taskKey: task?.key ?? null,
    phase,
    goals: project.goals.filter((g) => g.status === "active").map((g) => ({ id: g.id, title: g.title, target: g.target })),
    surveyScales: surveyScalesOf(await latestAcceptedPayload(scope.tx, scope.orgId, "copsoq_analysis")),
    ergonomics: ergonomicFindingsOf(await latestAcceptedPayload(scope.tx, scope.orgId, "ergonomic_assessment")),
    locations: await companyLocations(scope, minGroupSize),
    budgetCents: query.budgetCents ?? null,
    preferFunded: query.preferFunded,
    history: await offeringHistory(scope),
    minGroupSize,
  };
  const candidates = await findMatchCandidates(scope, { taskKey: context.taskKey ?? null, phase });
  const items = matchOfferings(context, candidates)
    .slice(0, query.limit)
    .map((m) => ({ offering: m.offering.view, reasons: m.reasons, score: m.score }));
  return { items, nextCursor: null };
}
