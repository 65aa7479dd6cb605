import { IdParam, Ok, ProactiveDigestInput, ProactiveDigestSetting, ProactiveSuggestionList, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsync } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { enqueue } from "../../lib/jobs.js";
import { DIGEST_JOB_INTERVAL_MS, PROACTIVE_DIGEST_QUEUE, runDigests } from "./proactive.digest.js";
import { PROACTIVE_RUN_QUEUE, type ProactiveRunPayload, runProactive } from "./proactive.run.js";
import * as service from "./proactive.service.js";

const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };
const tags = ["marketplace"];

/** The panel "Neue Partnervorschläge": the proactive suggestions, dismissing one, and the digest opt-in. */
export const proactiveSuggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/proactive-suggestions",
    {
      schema: {
        tags,
        summary: "Partners suggested without being asked (after a result, a new phase or goal), newest first, with their reasons",
        description: `The company's open proactive suggestions (ADR 0022). Dismissed ones, offerings no longer published and offerings booked since are left out. ${WHOLE_LIST_NOTE}`,
        response: { 200: ProactiveSuggestionList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.listSuggestions(s)),
  );

  app.post(
    "/api/proactive-suggestions/:id/dismiss",
    {
      schema: {
        tags,
        summary: "Hide a proactive suggestion for the company; its offering is never suggested proactively again",
        params: IdParam,
        response: { 200: Ok },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.dismissSuggestion(s, req.params.id)),
  );

  app.get(
    "/api/proactive-suggestions/digest",
    {
      schema: { tags, summary: "My weekly e-mail digest of new partner suggestions: on or off", response: { 200: ProactiveDigestSetting } },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.getDigestSetting(s)),
  );

  app.put(
    "/api/proactive-suggestions/digest",
    {
      schema: {
        tags,
        summary: "Turn my weekly e-mail digest of new partner suggestions on or off",
        body: ProactiveDigestInput,
        response: { 200: ProactiveDigestSetting },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.setDigestSetting(s, req.body.enabled)),
  );
};

/**
 * The two queues (ADR 0020): a run per trigger, and the recurring digest job (hourly; each manager at most
 * weekly), added once when a server is ready. Tests run due jobs themselves.
 */
export const proactiveSuggestionJobs: FastifyPluginAsync = async (app) => {
  app.jobs.register<ProactiveRunPayload>(PROACTIVE_RUN_QUEUE, async ({ payload, now }) => {
    await runProactive(app.db, payload, now);
  });
  app.jobs.register(
    PROACTIVE_DIGEST_QUEUE,
    async ({ now }) => {
      await runDigests({ db: app.db, mailer: app.mailer, log: app.log, appUrl: app.config.appUrl }, now);
    },
    { repeatEveryMs: DIGEST_JOB_INTERVAL_MS },
  );
  app.addHook("onReady", async () => {
    if (app.config.env === "test") return;
    await enqueue(app.db, PROACTIVE_DIGEST_QUEUE, {}, { singletonKey: "recurring", runAt: new Date(Date.now() + 60_000) });
  });
};
