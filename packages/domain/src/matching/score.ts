import { taskTemplate } from "../registries/checklist-template.js";
import { MIN_GROUP_SIZE } from "../registries/data-scopes.js";
import type { EngagementStatus } from "../registries/engagement-states.js";
import { OFFERING_CATEGORIES } from "../registries/offering-categories.js";
import { phaseByNumber } from "../registries/phases.js";
import { regionCoverage } from "./regions.js";
import { COPSOQ_SCALE_CATEGORIES, type ErgonomicFindings, type SurveyScale } from "./survey.js";
import { type SynonymEntry, synonymHits } from "./synonyms.js";
import { goalStems, hasPrefix, headOf, indexText, stemsOf } from "./text.js";

/**
 * The partner matching of issue 15: one pure function that scores published offerings for a company's
 * situation, made of named, weighted signals. Every signal that adds to an offering's score says why,
 * in words the manager reads; signals that only hold an offering back (out of region, over budget,
 * declined before) stay silent, and offerings the company is running right now are left out.
 */

type Localized = { de: string; en: string };

/** The offering's fields the matching reads; the API adds the provider's regions. */
export interface MatchOffering {
  id: string;
  title: string;
  description: string;
  providerName: string;
  category: string;
  certifications: readonly string[];
  deliveryMode: "on_site" | "remote" | "hybrid";
  priceFromCents: number;
  relevantPhases: readonly number[];
  relevantTasks: readonly string[];
  /** The provider's regions ("Hamburg", "Schleswig-Holstein", "DE"). */
  regions: readonly string[];
}

export interface MatchGoal {
  id: string;
  title: string;
  /** The goal's KPI / target text. */
  target?: string;
}

/** The company's situation. Everything here is an aggregate or the company's own setting; no person appears. */
export interface MatchContext {
  taskKey?: string | null;
  phase?: number | null;
  goals: readonly MatchGoal[];
  /** Scales of the latest accepted COPSOQ analysis. */
  surveyScales?: readonly SurveyScale[];
  /** The latest accepted ergonomic assessment. */
  ergonomics?: ErgonomicFindings | null;
  /** The company's locations with at least the minimum group size of active employees. */
  locations?: readonly string[];
  budgetCents?: number | null;
  /** The company prefers courses a health insurer co-funds (§20 SGB V). */
  preferFunded?: boolean;
  /** The company's engagements: which offering, in which state. */
  history?: readonly { offeringId: string; status: EngagementStatus }[];
  /** Scales and groups below this size never count (at least MIN_GROUP_SIZE). */
  minGroupSize?: number;
}

export type ReasonKind = "task" | "goal" | "survey" | "phase" | "fit";

export interface MatchReason {
  kind: ReasonKind;
  text: Localized;
}

export interface Match<O extends MatchOffering = MatchOffering> {
  offering: O;
  score: number;
  reasons: MatchReason[];
}

/**
 * The weights. The task is what the manager is working on, so it outranks everything; a goal the company
 * set, or a survey finding, outranks a bare phase fit; fit adjusts within those tiers but can never lift
 * a phase-only offering above a goal match.
 */
export const MATCH_WEIGHTS = {
  task: 100,
  /** The goal's own words in the offering. */
  goalWords: 12,
  /** The goal's need (synonym table) in the offering's category. */
  goalNeed: 8,
  /** At most this many goals count. */
  maxGoals: 3,
  surveyFirst: 15,
  surveyMore: 5,
  surveyMax: 25,
  ergonomics: 10,
  phase: 10,
  onSite: 3,
  outOfRegion: -40,
  inBudget: 2,
  overBudget: -8,
  funded: 6,
  completedBefore: -25,
  declinedBefore: -15,
} as const;

/** Engagements under way: the offering is booked, suggesting it again helps nobody. */
const RUNNING: readonly EngagementStatus[] = ["accepted", "in_progress", "delivered"];
const DECLINED: readonly EngagementStatus[] = ["declined", "quote_rejected", "cancelled"];
/** A health day books its stations again for every day: running engagements do not rule them out. */
const REPEATABLE = new Set(["health_day_module", "full_service_health_day"]);

/** One collator for every sort: `localeCompare` with a locale builds one per call. */
const byTitle = new Intl.Collator("de");
const CATEGORY_LABEL = new Map(OFFERING_CATEGORIES.map((c) => [c.key as string, c.label as Localized]));
const categoryLabel = (key: string): Localized => CATEGORY_LABEL.get(key) ?? { de: key, en: key };

/** A course the ZPP certified, or one that names §20 SGB V (not §20b: that funds the workplace programme itself). */
export function isSection20Certified(certifications: readonly string[]): boolean {
  return certifications.some((c) => /§\s*20(?![a-z])/i.test(c) || /\bZPP\b/.test(c));
}

const euro = (cents: number) => `${(cents / 100).toLocaleString("de-DE", { maximumFractionDigits: 0 })} €`;
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

interface IndexedDoc {
  title: string;
  providerName: string;
  description: string;
  category: string;
  stems: string[];
  /** Whether some stem begins with a goal's head, per head asked so far (bounded). */
  heads: Map<string, boolean>;
}

/**
 * The stems of each offering's text, kept between calls (bounded): the same published offerings are scored
 * on every suggestion request, and stemming their texts was half of the scoring's time over 10,000 offerings
 * (bench "suggestions"). Kept per id and reused only while the texts are unchanged, so an edit is seen at once.
 * The answers per goal head are kept with them: a company asks about the same few goals on every request.
 */
const DOC_CACHE_MAX = 50_000;
const HEADS_PER_DOC_MAX = 64;
const docCache = new Map<string, IndexedDoc>();

function offeringDoc(o: MatchOffering): IndexedDoc {
  const hit = docCache.get(o.id);
  if (
    hit &&
    hit.title === o.title &&
    hit.providerName === o.providerName &&
    hit.description === o.description &&
    hit.category === o.category
  ) {
    return hit;
  }
  const stems = indexText(`${o.title} ${o.providerName} ${o.description} ${categoryLabel(o.category).de}`);
  if (docCache.size >= DOC_CACHE_MAX) docCache.clear();
  const doc = { title: o.title, providerName: o.providerName, description: o.description, category: o.category, stems, heads: new Map() };
  docCache.set(o.id, doc);
  return doc;
}

/** True when some stem of the offering's text begins with `head` (`hasPrefix`, remembered per offering text). */
function docHasHead(doc: IndexedDoc, head: string): boolean {
  let has = doc.heads.get(head);
  if (has === undefined) {
    has = doc.stems.some((w) => w.startsWith(head));
    if (doc.heads.size >= HEADS_PER_DOC_MAX) doc.heads.clear();
    doc.heads.set(head, has);
  }
  return has;
}

interface PreparedGoal {
  goal: MatchGoal;
  stems: string[];
  /** The first letters of each stem an offering word must begin with (`headOf`), computed once per request. */
  heads: string[];
  needs: SynonymEntry[];
}

function prepareGoals(goals: readonly MatchGoal[]): PreparedGoal[] {
  return goals.map((goal) => {
    const needs = new Set([...synonymHits(stemsOf(goal.title)), ...synonymHits(stemsOf(goal.target ?? ""), true)]);
    const stems = goalStems(goal.title);
    return { goal, stems, heads: stems.map(headOf), needs: [...needs] };
  });
}

interface SurveyNeed {
  scale: SurveyScale;
  categories: Set<string>;
}

/** Worse-than-reference scales of at least the minimum group size, each with the categories that work on it. */
function surveyNeeds(ctx: MatchContext): SurveyNeed[] {
  const min = Math.max(ctx.minGroupSize ?? MIN_GROUP_SIZE, MIN_GROUP_SIZE);
  return (ctx.surveyScales ?? [])
    .filter((s) => s.worse && s.n >= min)
    .map((scale) => {
      const categories = new Set<string>(COPSOQ_SCALE_CATEGORIES[scale.key] ?? []);
      if (categories.size === 0) for (const e of synonymHits(stemsOf(scale.name))) for (const c of e.categories) categories.add(c);
      return { scale, categories };
    })
    .filter((n) => n.categories.size > 0)
    .sort((a, b) => b.scale.mean - b.scale.referenceMean - (a.scale.mean - a.scale.referenceMean));
}

/**
 * Everything about the company the score reads, worked out once per request rather than once per offering:
 * a catalogue-wide request scores thousands of offerings against the same situation (bench "suggestions").
 */
interface Prepared {
  ctx: MatchContext;
  task: ReturnType<typeof taskTemplate>;
  phase: ReturnType<typeof phaseByNumber>;
  goals: PreparedGoal[];
  needs: SurveyNeed[];
  /** The survey needs an offering's category meets, per category (filled as categories come up). */
  needsByCategory: Map<string, SurveyNeed[]>;
  /** Each offering's engagement states, in the history's order. */
  past: Map<string, EngagementStatus[]>;
  locations: readonly string[];
  covers: ((regions: readonly string[]) => boolean)[];
  elevated: number;
}

function prepare(ctx: MatchContext): Prepared {
  const past = new Map<string, EngagementStatus[]>();
  for (const h of ctx.history ?? []) {
    const states = past.get(h.offeringId);
    if (states) states.push(h.status);
    else past.set(h.offeringId, [h.status]);
  }
  const locations = ctx.locations ?? [];
  return {
    ctx,
    task: ctx.taskKey ? taskTemplate(ctx.taskKey) : undefined,
    phase: ctx.phase ? phaseByNumber(ctx.phase) : undefined,
    goals: prepareGoals(ctx.goals),
    needs: surveyNeeds(ctx),
    needsByCategory: new Map(),
    past,
    locations,
    covers: locations.map(regionCoverage),
    elevated: ctx.ergonomics?.elevated ?? 0,
  };
}

const NO_STATES: readonly EngagementStatus[] = [];

/**
 * One offering's score, or null when it is left out. The reasons are written into `reasons` only when the
 * caller passes an array: a ranking needs them for the few offerings it shows, not for every candidate.
 * Points never depend on whether reasons are written, so both passes agree.
 */
function scoreOne(o: MatchOffering, p: Prepared, reasons: MatchReason[] | null): number | null {
  const W = MATCH_WEIGHTS;
  const ctx = p.ctx;
  let score = 0;

  // History: running bookings are left out; finished or declined ones step back.
  const past = p.past.get(o.id) ?? NO_STATES;
  if (past.length > 0 && !REPEATABLE.has(o.category) && past.some((s) => RUNNING.includes(s))) return null;

  // Phase and task.
  const task = p.task;
  if (task && o.relevantTasks.includes(task.key)) {
    score += W.task;
    reasons?.push({ kind: "task", text: { de: `Passt zur Aufgabe „${task.label.de}“`, en: `Matches the task "${task.label.en}"` } });
  }

  // Goals: their own words in the offering's text, else their need (synonym table) in its category.
  if (p.goals.length > 0) {
    const doc = offeringDoc(o);
    let counted = 0;
    for (const g of p.goals) {
      const title = g.goal.title;
      if (g.heads.some((head) => docHasHead(doc, head))) {
        score += counted++ < W.maxGoals ? W.goalWords : 0;
        reasons?.push({ kind: "goal", text: { de: `Passt zu Ihrem Ziel „${title}“`, en: `Matches your goal "${title}"` } });
        continue;
      }
      const need = g.needs.find((n) => n.categories.includes(o.category as never));
      if (need) {
        score += counted++ < W.maxGoals ? W.goalNeed : 0;
        reasons?.push({
          kind: "goal",
          text: {
            de: `Passt zu Ihrem Ziel „${title}“: ${categoryLabel(o.category).de} hilft bei ${need.need.de}`,
            en: `Matches your goal "${title}": ${categoryLabel(o.category).en} helps with ${need.need.en}`,
          },
        });
      }
    }
  }

  // Survey and analysis results.
  let hits = p.needsByCategory.get(o.category);
  if (!hits) {
    hits = p.needs.filter((n) => n.categories.has(o.category));
    p.needsByCategory.set(o.category, hits);
  }
  if (hits.length > 0) {
    score += Math.min(W.surveyFirst + W.surveyMore * (hits.length - 1), W.surveyMax);
    if (reasons) {
      const names = hits.slice(0, 2).map((h) => h.scale.name);
      const first = hits[0]!.scale;
      reasons.push({
        kind: "survey",
        text: {
          de: `Weil Ihre Befragung bei ${list(
            names.map((n) => `„${n}“`),
            "und",
          )} schlechter als der Referenzwert liegt (${Math.round(first.mean)} statt ${Math.round(first.referenceMean)})`,
          en: `Because your survey scores ${list(
            names.map((n) => `"${n}"`),
            "and",
          )} worse than the reference (${Math.round(first.mean)} vs ${Math.round(first.referenceMean)})`,
        },
      });
    }
  }
  const elevated = p.elevated;
  if (elevated > 0 && o.category === "ergonomics") {
    score += W.ergonomics;
    reasons?.push({
      kind: "survey",
      text: {
        de: `Weil die Ergonomie-Beurteilung ${elevated} ${elevated === 1 ? "Befund" : "Befunde"} mit erhöhtem Risiko zeigt`,
        en: `Because the ergonomic assessment shows ${elevated} ${elevated === 1 ? "finding" : "findings"} with elevated risk`,
      },
    });
  }

  const phase = p.phase;
  if (phase && o.relevantPhases.includes(phase.number)) {
    score += W.phase;
    reasons?.push({
      kind: "phase",
      text: { de: `Passt zu Phase ${phase.number} „${phase.label.de}“`, en: `Fits phase ${phase.number} "${phase.label.en}"` },
    });
  }

  // Fit: can they come, is it in the budget, may the health insurer co-fund it.
  const locations = p.locations;
  // A provider that named no regions yet is neither in nor out of region.
  if (o.deliveryMode !== "remote" && locations.length > 0 && o.regions.length > 0) {
    let covered = 0;
    for (const covers of p.covers) if (covers(o.regions)) covered++;
    if (covered === locations.length) {
      score += W.onSite;
      reasons?.push({ kind: "fit", text: { de: `Vor Ort in ${list(locations, "und")}`, en: `On site in ${list(locations, "and")}` } });
    } else if (covered === 0 && o.deliveryMode === "on_site") {
      score += W.outOfRegion;
    }
  }
  if (ctx.budgetCents !== null && ctx.budgetCents !== undefined) {
    if (o.priceFromCents <= ctx.budgetCents) {
      score += W.inBudget;
      reasons?.push({
        kind: "fit",
        text: { de: `Im Budget (ab ${euro(o.priceFromCents)})`, en: `Within budget (from ${euro(o.priceFromCents)})` },
      });
    } else score += W.overBudget;
  }
  if (ctx.preferFunded && isSection20Certified(o.certifications)) {
    score += W.funded;
    reasons?.push({
      kind: "fit",
      text: {
        de: "§ 20 zertifiziert – Ihre Krankenkasse kann bezuschussen",
        en: "Certified under § 20 SGB V – health insurers may co-fund it",
      },
    });
  }

  if (past.includes("completed")) score += W.completedBefore;
  if (past.some((s) => DECLINED.includes(s))) score += W.declinedBefore;

  // Reasons in a fixed order: task, goals, survey, phase, fit (the signals above already run in that order).
  reasons?.sort((a, b) => REASON_ORDER.indexOf(a.kind) - REASON_ORDER.indexOf(b.kind));
  return score;
}

const REASON_ORDER: readonly ReasonKind[] = ["task", "goal", "survey", "phase", "fit"];

/** Best first; equal scores by title. */
const better = (a: { score: number; offering: MatchOffering }, b: { score: number; offering: MatchOffering }) =>
  b.score - a.score || byTitle.compare(a.offering.title, b.offering.title);

/** Every offering that may be suggested, best first (ties by title). */
export function matchOfferings<O extends MatchOffering>(ctx: MatchContext, offerings: readonly O[]): Match<O>[] {
  const p = prepare(ctx);
  const out: Match<O>[] = [];
  for (const o of offerings) {
    const reasons: MatchReason[] = [];
    const score = scoreOne(o, p, reasons);
    if (score !== null) out.push({ offering: o, score, reasons });
  }
  return out.sort(better);
}

/**
 * The first `limit` of `matchOfferings(ctx, offerings)`, equal to its slice: the same scores, order and
 * reasons. Scores every offering but keeps only the best `limit` while it goes (a sorted buffer, so a
 * tie keeps the offerings' order as the stable sort does) and writes reasons for those alone: the
 * suggestion route shows at most 20 of thousands of candidates.
 */
export function topMatches<O extends MatchOffering>(ctx: MatchContext, offerings: readonly O[], limit: number): Match<O>[] {
  const p = prepare(ctx);
  const top: { offering: O; score: number }[] = [];
  if (limit <= 0) return [];
  for (const o of offerings) {
    const score = scoreOne(o, p, null);
    if (score === null) continue;
    const worst = top.length === limit ? top[limit - 1]! : null;
    // Most candidates stop here, on a number: no entry is made for them.
    if (worst && (score < worst.score || (score === worst.score && byTitle.compare(o.title, worst.offering.title) >= 0))) continue;
    const entry = { offering: o, score };
    // Insert after every entry that is at least as good: equal ones keep their order.
    let at = top.length;
    while (at > 0 && better(entry, top[at - 1]!) < 0) at--;
    top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top.map(({ offering }) => {
    const reasons: MatchReason[] = [];
    const score = scoreOne(offering, p, reasons) as number;
    return { offering, score, reasons };
  });
}

/**
 * The scoring before issue 15 (task 100, literal goal words 10 each up to three, phase 1), kept as the
 * benchmark's baseline. Same word matching as above, no synonyms, survey, fit or history.
 */
export function baselineMatch<O extends MatchOffering>(ctx: MatchContext, offerings: readonly O[]): Match<O>[] {
  const goals = prepareGoals(ctx.goals);
  return offerings
    .map((o) => {
      const doc = goals.length > 0 ? offeringDoc(o).stems : [];
      let score = 0;
      if (ctx.taskKey && o.relevantTasks.includes(ctx.taskKey)) score += 100;
      score += Math.min(goals.filter((g) => g.stems.some((s) => hasPrefix(doc, s))).length, 3) * 10;
      if (ctx.phase && o.relevantPhases.includes(ctx.phase)) score += 1;
      return { offering: o, score, reasons: [] };
    })
    .sort((a, b) => b.score - a.score || byTitle.compare(a.offering.title, b.offering.title));
}
