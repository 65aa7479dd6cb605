import { HealthDayFeedbackInput, HealthDayModuleParams, MyHealthDayFeedbackList, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { giveFeedback, myFeedback } from "./feedback.service.js";

const tags = ["health-days"];
/** Employees, and managers who are also in the employee register, attend stations and rate them. */
const MEMBER: AccessRule = { roles: ["employee", "bgm_manager"], kind: "company" };

/** Anonymous feedback on the stations one attended (issue 13, 4.7; ADR 0016). */
export const healthDayFeedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/me/health-days/feedback",
    {
      schema: {
        tags,
        summary: "The health-day stations I attended whose feedback is open, and whether I answered",
        description: `Stations of days live or done, up to 14 days after the day, where my place was marked attended (checked in). 403 \`not_in_register\` without a person in the employee register. ${WHOLE_LIST_NOTE}`,
        response: { 200: MyHealthDayFeedbackList },
      },
    },
    async (req) => req.inTenant(MEMBER, (s) => myFeedback(s)),
  );

  app.post(
    "/api/me/health-days/:id/modules/:moduleId/feedback",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Rate a station I attended, anonymously: 1–5 and an optional comment, once",
        description:
          "The answer is stored without my person, apart from the marker that I answered (ADR 0016); the company and the planner see only aggregates per station, once the minimum group size answered. 403 `not_attended` (not checked in at this station), 409 `feedback_not_open` (the day has not started, or was cancelled), `feedback_closed` (more than 14 days after the day), `feedback_already_given`. A day or station of another company is a 404.",
        params: HealthDayModuleParams,
        body: HealthDayFeedbackInput,
        response: { 201: z.object({ answered: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await req.inTenant(MEMBER, (s) => giveFeedback(s, req.params.id, req.params.moduleId, req.body));
      return reply.status(201).send({ answered: true as const });
    },
  );
};
