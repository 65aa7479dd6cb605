// Public entry of the engagements module.
import type { FastifyPluginAsync } from "fastify";
import { engagementRoutes } from "./engagements.routes.js";
import { partnerEngagementRoutes } from "./partner-engagements.routes.js";

export type { Acting, Outcome } from "./access.js";
export {
  type ResultEvent,
  type ResultNoticeEngagement,
  recordPendingResults,
  recordResultEvent,
  reopenDeliveredEngagement,
} from "./results-bridge.js";
export {
  type EngagementReader,
  type EngagementWithParties,
  findEngagementWithParties,
  type ReadOptions,
  readEngagementsWithParties,
} from "./with-parties.js";

export const engagementsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(engagementRoutes);
  await app.register(partnerEngagementRoutes);
};
