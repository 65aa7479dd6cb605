import { Engagement, EngagementList, EngagementListQuery, IdParam } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { inPartnerTenant, PARTNER_SECURITY as security } from "../partner-access/index.js";
import * as service from "./engagements.service.js";

const tags = ["engagements", "partner-api"];

/**
 * The partner API's read of the provider's own engagements: the same use cases (and so the same
 * queries and mapping) as the portal's `/api/engagements`, reached with an API key as well.
 */
export const partnerEngagementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/partner/engagements",
    {
      schema: {
        tags,
        security,
        summary:
          "The provider's engagements, latest activity first, as the partner portal lists them (API key or partner session; read-only; every key access is in the audit log)",
        querystring: EngagementListQuery,
        response: { 200: EngagementList },
      },
    },
    async (req) => inPartnerTenant(app.db, req, { engagementId: null }, (s) => service.listEngagements(s, req.query)),
  );

  app.get(
    "/api/partner/engagements/:id",
    {
      schema: {
        tags,
        security,
        summary:
          "One of the provider's engagements as the partner portal shows it: status, offering, company, brief, quotes and timeline (API key or partner session; another provider's engagement is a 404)",
        params: IdParam,
        response: { 200: Engagement },
      },
    },
    async (req) => inPartnerTenant(app.db, req, { engagementId: req.params.id }, (s) => service.getEngagement(s, req.params.id)),
  );
};
