import { IdParam, MIN_GROUP_SIZE, PartnerParticipation } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authenticatePartner, createAccessLogWriter } from "../data-grants/index.js";
import { bearerKeyHash, PARTNER_SECURITY } from "../partner-access/index.js";
import {
  createEngagementCompanies,
  createKnownKeys,
  partnerRequest,
  serveByKnownKey,
  servePartnerParticipation,
} from "./partner-participation.service.js";

const tags = ["participation", "partner-api"];

/** The partner's view of the interventions it runs for a company: aggregates only (ADR 0013). */
export const partnerParticipationRoutes: FastifyPluginAsyncZod = async (app) => {
  const companies = createEngagementCompanies();
  const keys = createKnownKeys();
  const accessLog = createAccessLogWriter(app.db);
  // Reads still in flight when the server stops get their entries written (or their error) before the database closes.
  app.addHook("onClose", () => accessLog.drain());
  app.get(
    "/api/partner/engagements/:id/participation",
    {
      schema: {
        tags,
        security: PARTNER_SECURITY,
        summary:
          "Attendance of the company's interventions run under this engagement: attended / registered / rate per session and per intervention, aggregates only (API key or partner session; every request is in the company's access log)",
        description: [
          "Only interventions the company linked to this engagement, whatever data scopes were granted; no names, e-mail addresses, employee ids or per-person rows, ever.",
          `No figure is about fewer people than the company's minimum group size (at least ${MIN_GROUP_SIZE}). A withheld figure is \`null\` and the row says \`suppressed: true\`;`,
          "sessions whose own figures are withheld are counted in a combined group (`combinedGroup`, `combinedGroups`), so that an intervention's total is still the sum of what is shown and nothing can be computed back.",
          "`registeredCount` and `attendanceRate` are withheld too when the people who registered but did not come are 1 … min−1 (registered − attended would name them).",
          "Counts are places: one per person and session; an intervention's figures are the sums over its scheduled sessions. Another provider's or an unknown engagement is a 404 and is logged.",
        ].join(" "),
        params: IdParam,
        response: { 200: PartnerParticipation },
      },
    },
    async (req) => {
      const keyHash = bearerKeyHash(req);
      if (keyHash) {
        const known = await serveByKnownKey(app.db, accessLog, companies, keys, { keyHash, ip: req.ip }, req.params.id);
        if (known) return known;
      }
      const caller = await authenticatePartner(app.db, req, partnerRequest(req.params.id));
      const answer = await servePartnerParticipation(app.db, accessLog, companies, caller, req.params.id);
      if (keyHash && caller.apiKeyId) keys.set(keyHash, { id: caller.apiKeyId, providerOrgId: caller.providerOrgId });
      return answer;
    },
  );
};
