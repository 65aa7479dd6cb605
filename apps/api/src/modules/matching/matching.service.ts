import {
  type AssistantAnswer,
  answerQuestion,
  type CopsoqAnalysis,
  type ErgonomicAssessment,
  type ErgonomicFindings,
  type MatchContext,
  matchOfferings,
  type OfferingFit,
  type RecommendedList,
  type RecommendedQuery,
  type SuggestionList,
  type SuggestionQuery,
  type SurveyScale,
  taskTemplate,
  topMatches,
} from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { getProject } from "../bgm-process/index.js";
import { employeeGroups } from "../employees/index.js";
import { offeringHistory } from "../engagements/index.js";
import {
  didYouMean,
  findCandidate,
  findFilteredCandidates,
  findMatchCandidates,
  findPublishedOfferings,
  sanitizeSearch,
  toDiscoveryFilters,
} from "../marketplace/index.js";
import { minGroupSizeOf } from "../participation/index.js";
import { latestAcceptedPayload } from "../results/index.js";
import { recordSuggested } from "../suggestion-stats/index.js";

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

/** The company's situation as the matching reads it: goals, accepted analyses, locations, history. */
export async function companyContext(
  scope: TenantScope,
  opts: { taskKey?: string | null; phase?: number | null; budgetCents?: number | null; preferFunded?: boolean },
): Promise<MatchContext> {
  // Sequential on purpose: a transaction's queries share one connection.
  const project = await getProject(scope);
  const minGroupSize = await minGroupSizeOf(scope.tx, scope.orgId);
  return {
    taskKey: opts.taskKey ?? null,
    phase: opts.phase ?? project.currentPhase,
    goals: project.goals.filter((g) => g.status === "active").map((g) => ({ id: g.id, title: g.title, target: g.target })),
    surveyScales: surveyScalesOf(await latestAcceptedPayload(scope.tx, scope.orgId, "copsoq_analysis")),
    ergonomics: ergonomicFindingsOf(await latestAcceptedPayload(scope.tx, scope.orgId, "ergonomic_assessment")),
    locations: await companyLocations(scope, minGroupSize),
    budgetCents: opts.budgetCents ?? null,
    preferFunded: opts.preferFunded ?? false,
    history: await offeringHistory(scope),
    minGroupSize,
  };
}

export async function suggestPartners(
  scope: TenantScope,
  query: z.output<typeof SuggestionQuery>,
): Promise<z.infer<typeof SuggestionList>> {
  const task = query.taskKey ? taskTemplate(query.taskKey) : null;
  if (query.taskKey && !task) throw AppError.notFound(`Task "${query.taskKey}"`);
  // A task widget asks about the task's phase; a phase view names its phase; otherwise the project's.
  const context = await companyContext(scope, {
    taskKey: task?.key ?? null,
    phase: query.phase ?? task?.phase ?? null,
    budgetCents: query.budgetCents ?? null,
    preferFunded: query.preferFunded,
  });
  const phase = context.phase ?? null;
  const candidates = await findMatchCandidates(scope, { taskKey: context.taskKey ?? null, phase });
  const top = topMatches(context, candidates, query.limit);
  // The full offerings of the few shown, not of every candidate (same transaction; one unpublished in
  // between drops out rather than showing stale).
  const views = await findPublishedOfferings(
    scope,
    top.map((m) => m.offering.id),
  );
  const items = top.flatMap((m) => {
    const view = views.get(m.offering.id);
    return view ? [{ offering: view, reasons: m.reasons, score: m.score }] : [];
  });
  await recordSuggested(scope, items);
  return { items, nextCursor: null };
}

/** At most this many offerings are ranked for one "Empfohlen" page; narrower filters rank all of theirs. */
export const RECOMMENDED_MAX_CANDIDATES = 2000;

/**
 * The marketplace's "Empfohlen" sort: the discovery filters' offerings, ranked by the matching for the
 * company (phase, goals, survey, fit, history), each with its reasons. Offerings the matching leaves out
 * (booked and under way) follow at the end without reasons: a sort hides nothing the filters found.
 */
export async function recommendOfferings(
  scope: TenantScope,
  query: z.output<typeof RecommendedQuery>,
): Promise<z.infer<typeof RecommendedList>> {
  const { cursor, limit, ...rest } = query;
  const context = await companyContext(scope, {});
  const candidates = await findFilteredCandidates(scope, { ...rest, q: sanitizeSearch(rest.q), limit: RECOMMENDED_MAX_CANDIDATES });
  const ranked = matchOfferings(context, candidates);
  const seen = new Set(ranked.map((m) => m.offering.id));
  const all = [
    ...ranked.map((m) => ({ offering: m.offering.view, reasons: m.reasons, score: m.score })),
    ...candidates.filter((c) => !seen.has(c.id)).map((c) => ({ offering: c.view, reasons: [], score: 0 })),
  ];
  const offset = cursor ? Number(cursor) : 0;
  const next = offset + limit;
  const page = { items: all.slice(offset, next), nextCursor: next < all.length ? String(next) : null, total: all.length };
  await recordSuggested(scope, page.items);
  if (all.length > 0 || !rest.q) return { ...page, didYouMean: null };
  return { ...page, didYouMean: await didYouMean(scope, toDiscoveryFilters({ ...rest, limit: 1 })) };
}

/**
 * Why one published offering fits the company: the same matching and reasons as the "Empfohlen" sort
 * (`recommendOfferings`), for this offering alone. One the matching leaves out (booked and under way)
 * has no reasons and `matched: false`; one that is not published does not exist here (404).
 */
export async function offeringFit(scope: TenantScope, id: string): Promise<OfferingFit> {
  const candidate = await findCandidate(scope, id);
  if (!candidate) throw AppError.notFound("Offering");
  const context = await companyContext(scope, {});
  const [match] = matchOfferings(context, [candidate]);
  return match ? { reasons: match.reasons, score: match.score, matched: true } : { reasons: [], score: 0, matched: false };
}

/** The partner buddy without a model: rules, the matching, templates (issue 15, 5.2). */
export async function askBuddy(scope: TenantScope, question: string): Promise<z.infer<typeof AssistantAnswer>> {
  const context = await companyContext(scope, {});
  const candidates = await findFilteredCandidates(scope, { q: null, limit: RECOMMENDED_MAX_CANDIDATES });
  const a = answerQuestion(context, candidates, question);
  await recordSuggested(
    scope,
    a.items.map((m) => ({ offering: m.offering.view, reasons: m.reasons })),
  );
  const { needs: _needs, stems: _stems, goal, ...understood } = a.understood;
  return {
    answer: a.answer,
    understood: { ...understood, goal: goal?.title ?? null },
    items: a.items.map((m) => ({ offering: m.offering.view, reasons: m.reasons, score: m.score })),
    model: "rules",
  };
}
