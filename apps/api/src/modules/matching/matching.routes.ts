import { SuggestionList, SuggestionQuery, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { suggestPartners } from "./matching.service.js";

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
};
