import {
  AssistantAnswer,
  AssistantQuestion,
  IdParam,
  OfferingFit,
  RecommendedList,
  RecommendedQuery,
  SuggestionList,
  SuggestionQuery,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { askBuddy, offeringFit, recommendOfferings, suggestPartners } from "./matching.service.js";

const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };

/** The suggestion route keeps its marketplace URL and contract (issue 15 moved it here and added reasons). */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/marketplace/suggestions",
    {
      schema: {
        tags: ["marketplace"],
        summary: "Partners for a checklist task or phase, best first, each with the reasons (task, goal, survey, phase, fit)",
        description: `The top \`limit\` suggestions (at most 20) of the partner matching: task, goals (with German stemming and a reviewed synonym table), accepted survey results (groups of at least the minimum group size), fit (locations, budget, §20) and the company's history. Offerings the company is running are left out. ${WHOLE_LIST_NOTE}`,
        querystring: SuggestionQuery,
        response: { 200: SuggestionList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => suggestPartners(s, req.query)),
  );
  app.get(
    "/api/marketplace/recommended",
    {
      schema: {
        tags: ["marketplace"],
        summary:
          "The marketplace's \"Empfohlen\" sort: the discovery filters' offerings ranked by the partner matching for the company, each with its reasons",
        description:
          "Same filters as GET /api/marketplace/offerings; the ranking is the matching's (phase, goals, survey, fit, history) for the caller's company, computed per request (never cached across companies). Booked offerings follow at the end without reasons. Paged by an offset cursor.",
        querystring: RecommendedQuery,
        response: { 200: RecommendedList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => recommendOfferings(s, req.query)),
  );

  app.get(
    "/api/marketplace/offerings/:id/fit",
    {
      schema: {
        tags: ["marketplace"],
        summary: "Why a published offering fits the caller's company: the partner matching's reasons, as in \"Empfohlen\"",
        description:
          "The matching of GET /api/marketplace/recommended (phase, goals, survey, fit, history) for one offering, computed per request for the caller's company. `matched` is false when the matching leaves the offering out (booked and under way).",
        params: IdParam,
        response: { 200: OfferingFit },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => offeringFit(s, req.params.id)),
  );

  app.post(
    "/api/matching/assistant",
    {
      schema: {
        tags: ["marketplace"],
        summary: "Ask the partner buddy: offerings that answer a question, with their reasons and a short answer",
        description:
          "Without a language model: intent and entities (category, region, delivery mode, price, § 20, a company goal) by rules over the question, the offerings from the partner matching, the answer from templates. Changes nothing and stores nothing; the question is not logged.",
        body: AssistantQuestion,
        response: { 200: AssistantAnswer },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => askBuddy(s, req.body.question)),
  );
};
