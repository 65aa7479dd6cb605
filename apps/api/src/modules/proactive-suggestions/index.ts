// Public entry of the proactive suggestions module (issue 15, 5.5; ADR 0022): partners suggested without
// being asked when a result lands, a phase starts or a goal is added. Owns proactive_suggestion,
// proactive_notice and proactive_digest; the matching itself is the matching module's.
import type { FastifyPluginAsync } from "fastify";
import { proactiveSuggestionJobs, proactiveSuggestionRoutes } from "./proactive.routes.js";

export { PROACTIVE_DIGEST_QUEUE } from "./proactive.digest.js";
export { PROACTIVE_RUN_QUEUE, requestProactiveRun, topicOfResult } from "./proactive.run.js";

export const proactiveSuggestionsPlugin: FastifyPluginAsync = async (app) => {
  await app.register(proactiveSuggestionRoutes);
  await app.register(proactiveSuggestionJobs);
};
