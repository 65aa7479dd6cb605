import { z } from "zod";
import { MIN_GROUP_SIZE } from "../registries/data-scopes.js";
import { OFFERING_CATEGORIES, type OfferingCategoryKey } from "../registries/offering-categories.js";
import type { Understood } from "./assistant.js";
import { placeIn } from "./regions.js";
import type { Match, MatchContext, MatchGoal, MatchOffering } from "./score.js";
import { goalStems } from "./text.js";

/**
 * What the partner buddy sends to a configured language model (issue 15, 5.2; ADR 0023), and how the
 * model's one tool maps onto the matching. Pure, so that exactly what leaves the company can be read and
 * tested here: the question (with e-mail addresses, phone numbers and names of the company's people
 * replaced), the company's active goals, its BGM phase, and aggregates — survey scales worse than the
 * reference (company-wide COPSOQ means), the number of elevated ergonomic findings, and the company's
 * locations with at least the minimum group size of employees. Never a person's record, name or address.
 */

const CATEGORY_KEYS = OFFERING_CATEGORIES.map((c) => c.key) as [OfferingCategoryKey, ...OfferingCategoryKey[]];

/** The arguments of `find_offerings`; lenient: a model's odd value is dropped, not an error. */
export const FindOfferingsArgs = z.object({
  category: z.enum(CATEGORY_KEYS).optional().catch(undefined),
  region: z.string().max(80).optional().catch(undefined),
  deliveryMode: z.enum(["on_site", "remote", "hybrid"]).optional().catch(undefined),
  maxPriceEuro: z.number().positive().max(1_000_000).optional().catch(undefined),
  funded: z.boolean().optional().catch(undefined),
  goal: z.string().max(200).optional().catch(undefined),
  query: z.string().max(300).optional().catch(undefined),
});
export type FindOfferingsArgs = z.infer<typeof FindOfferingsArgs>;

export const FIND_OFFERINGS = "find_offerings";

/** The tool in the OpenAI `tools` format. */
export const BUDDY_TOOLS = [
  {
    type: "function",
    function: {
      name: FIND_OFFERINGS,
      description:
        "Search the BGM marketplace's published offerings with the company's partner matching. Returns the best offerings with the reasons they fit. Call it before recommending any offering.",
      parameters: {
        type: "object",
        properties: {
          category: { type: "string", enum: CATEGORY_KEYS, description: "Offering category" },
          region: { type: "string", description: "German city or federal state the offering must serve" },
          deliveryMode: { type: "string", enum: ["on_site", "remote", "hybrid"] },
          maxPriceEuro: { type: "number", description: "Highest price (from-price) in euros" },
          funded: { type: "boolean", description: "Only courses a health insurer may co-fund (§ 20 SGB V)" },
          goal: { type: "string", description: "Title of one of the company's goals the search is for" },
          query: { type: "string", description: "Further words to look for in the offerings' text" },
        },
        additionalProperties: false,
      },
    },
  },
] as const;

/** A tool call's arguments as the rules' reading of a question, so both take the same retrieval path. */
export function understoodFromTool(raw: unknown, goals: readonly MatchGoal[]): Understood {
  const parsed = FindOfferingsArgs.safeParse(raw);
  const a = parsed.success ? parsed.data : {};
  const wanted = a.goal?.toLowerCase().trim();
  const goal = wanted ? (goals.find((g) => g.title.toLowerCase() === wanted || g.title.toLowerCase().includes(wanted)) ?? null) : null;
  return {
    categories: a.category ? [a.category] : [],
    needs: [],
    deliveryMode: a.deliveryMode ?? null,
    region: a.region ? (placeIn(a.region) ?? a.region.trim()) : null,
    maxPriceCents: a.maxPriceEuro ? Math.round(a.maxPriceEuro * 100) : null,
    funded: a.funded ?? false,
    goal,
    stems: goalStems(a.query ?? ""),
  };
}

/** What the model reads of the offerings a tool call found: public catalogue facts and the reasons. */
export function toolResultFor<O extends MatchOffering>(items: readonly Match<O>[], lang: "de" | "en") {
  return {
    offerings: items.map((m) => ({
      id: m.offering.id,
      title: m.offering.title,
      provider: m.offering.providerName,
      category: m.offering.category,
      deliveryMode: m.offering.deliveryMode,
      priceFromEuro: Math.round(m.offering.priceFromCents) / 100,
      reasons: m.reasons.map((r) => r.text[lang]),
    })),
  };
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Phone numbers and other long digit runs (IBANs, personnel numbers): 6+ digits, spaces/dashes allowed between.
const LONG_NUMBER = /\+?\d(?:[\s/-]?\d){5,}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The question as it may leave the company: e-mail addresses, long numbers and the names of the company's
 * people (full names, and surnames of three letters or more as whole words) replaced by placeholders.
 */
export function redactQuestion(question: string, people: readonly { firstName: string; lastName: string }[] = []): string {
  let q = question.replace(EMAIL, "[E-Mail]").replace(LONG_NUMBER, "[Nummer]");
  const names = new Set<string>();
  for (const p of people) {
    const first = p.firstName.trim();
    const last = p.lastName.trim();
    if (first && last) names.add(`${first} ${last}`);
    if (last.length >= 3) names.add(last);
    if (first.length >= 3) names.add(first);
  }
  // Longest first, so "Anna Schmidt" goes as a whole before "Schmidt".
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    q = q.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(name)}(?![\\p{L}\\p{N}])`, "giu"), "[Name]");
  }
  return q;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string | null;
  tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/** The company's situation as the model reads it: goals and aggregates only (see the file comment). */
export function companyBrief(ctx: MatchContext) {
  const min = Math.max(ctx.minGroupSize ?? MIN_GROUP_SIZE, MIN_GROUP_SIZE);
  return {
    phase: ctx.phase ?? null,
    goals: ctx.goals.map((g) => ({ title: g.title, target: g.target ?? null })),
    surveyScalesWorseThanReference: (ctx.surveyScales ?? [])
      .filter((s) => s.worse && s.n >= min)
      .map((s) => ({ scale: s.name, mean: s.mean, referenceMean: s.referenceMean })),
    elevatedErgonomicFindings: ctx.ergonomics?.elevated ?? null,
    locations: ctx.locations ?? [],
  };
}

/**
 * The conversation sent to the model: instructions, the company brief, earlier turns of this
 * conversation (the user's own redacted questions and the answers given) and the redacted question.
 */
export function buddyMessages(input: {
  question: string;
  ctx: MatchContext;
  lang: "de" | "en";
  earlier?: readonly { question: string; answer: string }[];
}): ChatMessage[] {
  const language = input.lang === "de" ? "German (formal „Sie“)" : "English";
  const system = [
    "You are the partner buddy of BGM Hub, a workplace health management platform. You help a company's BGM manager find partners in the marketplace.",
    `Answer in ${language}, briefly (at most 5 sentences or a short numbered list).`,
    `Always call ${FIND_OFFERINGS} to find offerings; recommend only offerings it returned, by their exact title and provider, and say why they fit using the reasons it gave. Never invent offerings, prices or certifications.`,
    "If nothing fits, say so and suggest fewer restrictions.",
    `The company (aggregates only, no personal data): ${JSON.stringify(companyBrief(input.ctx))}`,
  ].join("\n");
  const messages: ChatMessage[] = [{ role: "system", content: system }];
  for (const e of input.earlier ?? []) {
    messages.push({ role: "user", content: e.question }, { role: "assistant", content: e.answer });
  }
  messages.push({ role: "user", content: input.question });
  return messages;
}
