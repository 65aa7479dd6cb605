import { OFFERING_CATEGORIES, type OfferingCategoryKey } from "../registries/offering-categories.js";
import { placeIn, regionCovers } from "./regions.js";
import { type Match, type MatchContext, type MatchGoal, type MatchOffering, matchOfferings } from "./score.js";
import { GOAL_SYNONYMS, type SynonymEntry, synonymHits } from "./synonyms.js";
import { fold, goalStems, hasPrefix, indexText, stemsOf } from "./text.js";

type Localized = { de: string; en: string };

/**
 * The partner buddy without a model (issue 15, 5.2): intent and entities from the question by rules over
 * the German (or English) text, retrieval through the one matching (`matchOfferings`), answers from
 * templates. A configured language model may phrase the answer instead; the offerings and their reasons
 * always come from here.
 */

export interface Understood {
  categories: OfferingCategoryKey[];
  /** The need behind the categories, for the answer ("Rücken und Bewegungsapparat"). */
  needs: Localized[];
  deliveryMode: "on_site" | "remote" | "hybrid" | null;
  region: string | null;
  maxPriceCents: number | null;
  funded: boolean;
  /** The company goal the question refers to. */
  goal: MatchGoal | null;
  /** Meaningful words of the question, matched against the offerings' text. */
  stems: string[];
}

/** Words naming a category directly (folded stem prefixes), beyond the goal synonym table. */
const CATEGORY_WORDS: Record<OfferingCategoryKey, readonly string[]> = {
  survey_analysis: ["befrag", "umfrag", "copsoq", "analys", "survey"],
  movement: ["beweg", "sport", "yoga", "fitness", "kurs", "movement", "exercis"],
  nutrition: ["ernahr", "kantin", "nutrition", "essen"],
  mental_health: ["psych", "stress", "resilienz", "burnout", "mental"],
  ergonomics: ["ergonom", "arbeitsplatz", "lager", "heben"],
  addiction_prevention: ["sucht", "alkohol", "rauch", "addiction", "smok"],
  health_day_module: ["gesundheitstag", "aktionstag"],
  full_service_health_day: ["gesundheitstag"],
  coaching: ["coach", "fuhrung", "leadership"],
};
const ENGLISH_NEEDS: SynonymEntry[] = [
  { need: { de: "Rücken", en: "back pain" }, terms: ["back", "spine", "lifting", "warehous"], categories: ["ergonomics", "movement"] },
  { need: { de: "Fehlzeiten", en: "sick leave" }, terms: ["sick", "absen"], categories: ["movement", "mental_health"] },
  { need: { de: "Stress", en: "stress" }, terms: ["stress", "burnout", "wellbeing"], categories: ["mental_health", "coaching"] },
];

const FUNDED = /§\s*20|krankenkass|bezuschuss|zuschuss|gefördert|förderfähig|zpp|health insur|co-?fund|subsid/i;
const REMOTE = /\b(online|remote|digital|virtuell\w*|webinar\w*|hybrid)\b/i;
const ON_SITE = /\b(vor ort|präsenz\w*|on[- ]?site|in person)\b/i;
const PRICE =
  /(?:unter|bis|max(?:imal)?\.?|höchstens|weniger als|under|below|up to|less than)\s*(\d{1,3}(?:[.\s]\d{3})*|\d+)\s*(?:€|euro|eur)?/i;

/** What a question asks for: category, region, delivery mode, price, §20, a goal of the company. */
export function understand(question: string, goals: readonly MatchGoal[]): Understood {
  // Stems and the plain folded words: the light stemmer cuts "Stress" to "stres", which the table spells in full.
  const stems = [...new Set([...stemsOf(question), ...(fold(question).match(/[\p{L}\p{N}]+/gu) ?? [])])];
  const hits = new Set<SynonymEntry>([
    ...synonymHits(stems),
    ...ENGLISH_NEEDS.filter((e) => stems.some((s) => e.terms.some((t) => s.startsWith(t)))),
  ]);
  // A company goal named in the question ("unser Ziel Rückenbeschwerden reduzieren"): its words count too.
  const goal =
    goals.find((g) => {
      const gs = goalStems(g.title);
      return gs.length > 0 && gs.some((s) => stems.some((q) => q.startsWith(s.slice(0, 6))));
    }) ?? null;
  if (goal) for (const e of [...synonymHits(stemsOf(goal.title)), ...synonymHits(stemsOf(goal.target ?? ""), true)]) hits.add(e);
  const categories = new Set<OfferingCategoryKey>();
  for (const e of hits) for (const c of e.categories) categories.add(c);
  if (categories.size === 0) {
    for (const [key, words] of Object.entries(CATEGORY_WORDS) as [OfferingCategoryKey, readonly string[]][]) {
      if (stems.some((s) => words.some((w) => s.startsWith(w)))) categories.add(key);
    }
  }
  const remote = REMOTE.exec(question);
  const deliveryMode = remote ? (remote[1]?.toLowerCase() === "hybrid" ? "hybrid" : "remote") : ON_SITE.test(question) ? "on_site" : null;
  const price = PRICE.exec(question);
  const maxPriceCents = price?.[1] ? Number(price[1].replace(/[.\s]/g, "")) * 100 : null;
  return {
    categories: [...categories],
    needs: [...hits].map((e) => e.need),
    deliveryMode,
    region: placeIn(question),
    maxPriceCents,
    funded: FUNDED.test(question),
    goal,
    stems: goalStems(question),
  };
}

const QUESTION_CATEGORY = 20;
const QUESTION_WORDS = 5;
const CATEGORY_LABEL = new Map<string, Localized>(OFFERING_CATEGORIES.map((c) => [c.key, c.label]));

export interface Answer<O extends MatchOffering> {
  answer: Localized;
  understood: Understood;
  items: Match<O>[];
}

/**
 * Answers a question from the company's context and the published offerings: the rules narrow the
 * catalogue (region, delivery mode, price), the matching scores with the question's need on top, the
 * template names the best offerings and their first reason.
 */
export function answerQuestion<O extends MatchOffering>(
  ctx: MatchContext,
  offerings: readonly O[],
  question: string,
  limit = 3,
): Answer<O> {
  return answerUnderstood(ctx, offerings, understand(question, ctx.goals), limit);
}

/**
 * The retrieval behind `answerQuestion` for an already understood request: the rules' reading of a
 * question, or a language model's `find_offerings` tool call (llm-tool.ts) — the same matching for both.
 */
export function answerUnderstood<O extends MatchOffering>(ctx: MatchContext, offerings: readonly O[], u: Understood, limit = 3): Answer<O> {
  const narrowed = offerings.filter(
    (o) =>
      (u.deliveryMode === null || o.deliveryMode === u.deliveryMode || (u.deliveryMode === "remote" && o.deliveryMode === "hybrid")) &&
      (u.region === null || o.deliveryMode === "remote" || regionCovers(o.regions, u.region)) &&
      (u.maxPriceCents === null || o.priceFromCents <= u.maxPriceCents),
  );
  const matched = matchOfferings(
    {
      ...ctx,
      taskKey: null,
      goals: u.goal ? [u.goal] : ctx.goals,
      preferFunded: ctx.preferFunded || u.funded,
      budgetCents: u.maxPriceCents ?? ctx.budgetCents ?? null,
      locations: u.region ? [u.region] : ctx.locations,
    },
    narrowed,
  );
  const wanted = new Set<string>(u.categories);
  const scored: Match<O>[] = [];
  for (const m of matched) {
    const o = m.offering;
    const doc = indexText(`${o.title} ${o.description}`);
    const words = u.stems.filter((s) => hasPrefix(doc, s));
    const inCategory = wanted.has(o.category);
    // With a need in the question, only offerings of that need (or naming the question's words) answer it.
    if (wanted.size > 0 && !inCategory && words.length === 0) continue;
    if (wanted.size === 0 && words.length === 0 && !u.goal && m.reasons.length === 0) continue;
    const score = m.score + (inCategory ? QUESTION_CATEGORY : 0) + Math.min(words.length, 3) * QUESTION_WORDS;
    const reasons = [...m.reasons];
    if (inCategory) {
      const need = [...GOAL_SYNONYMS, ...ENGLISH_NEEDS].find((e) => u.needs.includes(e.need) && e.categories.includes(o.category as never));
      const label = CATEGORY_LABEL.get(o.category) ?? { de: o.category, en: o.category };
      reasons.unshift({
        kind: "goal",
        text: need
          ? {
              de: `Passt zu Ihrer Frage: ${label.de} hilft bei ${need.need.de}`,
              en: `Matches your question: ${label.en} helps with ${need.need.en}`,
            }
          : { de: `Passt zu Ihrer Frage: ${label.de}`, en: `Matches your question: ${label.en}` },
      });
    }
    scored.push({ offering: o, score, reasons });
  }
  scored.sort((a, b) => b.score - a.score || a.offering.title.localeCompare(b.offering.title, "de"));
  const items = scored.slice(0, limit);
  return { answer: phrase(u, items), understood: u, items };
}

function phrase<O extends MatchOffering>(u: Understood, items: Match<O>[]): Localized {
  const topic = u.goal
    ? { de: `Ihrem Ziel „${u.goal.title}“`, en: `your goal "${u.goal.title}"` }
    : u.needs[0]
      ? { de: u.needs[0].de, en: u.needs[0].en }
      : null;
  const where = u.region ? { de: ` in ${u.region}`, en: ` in ${u.region}` } : { de: "", en: "" };
  if (items.length === 0) {
    return {
      de: `Dazu habe ich im Marktplatz nichts Passendes${where.de} gefunden. Versuchen Sie es mit weniger Einschränkungen oder stöbern Sie im Marktplatz.`,
      en: `I found nothing in the marketplace that fits${where.en}. Try fewer restrictions or browse the marketplace.`,
    };
  }
  const lines = (lang: "de" | "en") =>
    items
      .map((m, i) => `${i + 1}. ${m.offering.title} (${m.offering.providerName})${m.reasons[0] ? ` – ${m.reasons[0].text[lang]}` : ""}`)
      .join("\n");
  const n = items.length;
  return {
    de: `${topic ? `Zu ${topic.de}` : "Zu Ihrer Frage"}${where.de} ${n === 1 ? "passt dieses Angebot" : `passen diese ${n} Angebote`} am besten:\n${lines("de")}`,
    en: `${topic ? `For ${topic.en}` : "For your question"}${where.en}, ${n === 1 ? "this offering fits" : `these ${n} offerings fit`} best:\n${lines("en")}`,
  };
}
