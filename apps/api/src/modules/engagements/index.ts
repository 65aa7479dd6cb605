// Public entry of the engagements module.
export type { Acting, Outcome } from "./access.js";
export { engagementRoutes as engagementsRoutes } from "./engagements.routes.js";
export {
  findEngagementForResults,
  type ResultEngagement,
  type ResultEvent,
  recordResultEvent,
  reopenDeliveredEngagement,
} from "./results-bridge.js";
