// Public entry of the engagements module.
import type { FastifyPluginAsync } from "fastify";
import { engagementRoutes } from "./engagements.routes.js";
import { partnerEngagementRoutes } from "./partner-engagements.routes.js";

export type { Acting, Outcome } from "./access.js";
export { type CompanyEngagementFacts, findCompanyEngagement } from "./engagement-facts.js";
export {
  findEngagementForResults,
  type ResultEngagement,
  type ResultEvent,
  recordResultEvent,
  reopenDeliveredEngagement,
} from "./results-bridge.js";

export const engagementsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(engagementRoutes);
  await app.register(partnerEngagementRoutes);
};
