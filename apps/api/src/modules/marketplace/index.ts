// Public entry of the marketplace module.
export { getOffering } from "./discovery.service.js";
export { marketplaceRoutes } from "./marketplace.routes.js";
export { findMatchCandidates, type MatchCandidate } from "./match-candidates.js";
export { findOfferingFacts, findPublishedOffering, type OfferingFacts } from "./offering-facts.js";
