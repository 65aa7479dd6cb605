import { DiscoveryQuery, IdParam, MEMBER_ROLES, Offering, OfferingList, SuggestionList, SuggestionQuery } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as discovery from "./discovery.service.js";
import { providerRoutes } from "./provider.routes.js";
import { suggestPartners } from "./suggestions.service.js";

const tags = ["marketplace"];
/** Browsing is open to every member of a company or a provider; RLS still shows only published rows (and own ones). */
const BROWSE = { roles: MEMBER_ROLES };
const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };

export const marketplaceRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(providerRoutes);

  app.get(
    "/api/marketplace/offerings",
    {
      schema: {
        tags,
        summary: "Find published offerings: filters and German full-text search, by relevance or title, paginated",
        querystring: DiscoveryQuery,
        response: { 200: OfferingList },
      },
    },
    async (req) => req.inTenant(BROWSE, (s) => discovery.searchOfferings(s, req.query)),
  );

  app.get(
    "/api/marketplace/offerings/:id",
    {
      schema: { tags, summary: "One published offering (or an own one in any state)", params: IdParam, response: { 200: Offering } },
    },
    async (req) => req.inTenant(BROWSE, (s) => discovery.getOffering(s, req.params.id)),
  );

  app.get(
    "/api/marketplace/suggestions",
    {
      schema: {
        tags,
        summary: "Partners for a checklist task or phase, with the reasons (task, goal, phase), best first",
        querystring: SuggestionQuery,
        response: { 200: SuggestionList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => suggestPartners(s, req.query)),
  );
};
