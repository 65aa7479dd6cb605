import { OfferingStatsList, OfferingStatsQuery, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { offeringStats } from "./stats.service.js";

const READ = { roles: ["partner_admin", "partner_member"] as const, kind: "provider" as const };

export const suggestionStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/provider/offerings/stats",
    {
      schema: {
        tags: ["marketplace"],
        summary: "How often the provider's own offerings were suggested, opened and requested, per week and kind of need",
        description: `Aggregates over companies, never a company: a weekly figure shows only when at least \`minGroupSize\` companies stand behind it (else null), and totals add shown figures only. Offerings without any activity in the window are left out. ${WHOLE_LIST_NOTE}`,
        querystring: OfferingStatsQuery,
        response: { 200: OfferingStatsList },
      },
    },
    async (req) => req.inTenant(READ, (s) => offeringStats(s, req.query)),
  );
};
