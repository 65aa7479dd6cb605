import { AdoptIntervention, IdParam, InterventionList, PlannedIntervention, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as planning from "./planning.service.js";

const tags = ["bgm-process"];
const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };

export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/planning/interventions",
    {
      schema: {
        tags,
        summary: "Phase 3 Planning: interventions proposed by accepted partner plans, and those adopted into the plan",
        description: `The interventions of the company's accepted plans, a short list. ${WHOLE_LIST_NOTE}`,
        response: { 200: InterventionList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => planning.listInterventions(s)),
  );

  app.post(
    "/api/planning/interventions/:id/adopt",
    {
      schema: {
        tags,
        summary: "Adopt a proposed intervention into the plan, optionally linked to a goal (idempotent)",
        params: IdParam,
        body: AdoptIntervention,
        response: { 200: PlannedIntervention },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => planning.adoptIntervention(s, req.params.id, req.body)),
  );

  app.post(
    "/api/planning/interventions/:id/dismiss",
    { schema: { tags, summary: "Dismiss a proposed intervention", params: IdParam, response: { 200: PlannedIntervention } } },
    async (req) => req.inTenant(MANAGER, (s) => planning.dismissIntervention(s, req.params.id)),
  );
};
