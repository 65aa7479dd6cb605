// Public entry of the partner matching module (issue 15): the one place that decides which partner fits
// a company now, and why. Reads the marketplace's candidates and the company's situation; owns the partner
// buddy's kept conversations (buddy_conversation, buddy_turn; ADR 0023).
export { type BuddyRoutesOptions, buddyRoutes } from "./buddy.routes.js";
export { BUDDY_RETENTION_QUEUE, buddyRetentionJob } from "./conversations.retention.js";
export { matchingRoutes } from "./matching.routes.js";
export { companyContext, RECOMMENDED_MAX_CANDIDATES, suggestPartners } from "./matching.service.js";
