// Public entry of the partner matching module (issue 15): the one place that decides which partner fits
// a company now, and why. Owns no tables; reads the marketplace's candidates and the company's situation.
export { matchingRoutes } from "./matching.routes.js";
export { companyContext, RECOMMENDED_MAX_CANDIDATES, suggestPartners } from "./matching.service.js";
