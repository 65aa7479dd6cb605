// Public entry of the marketplace module.
export { didYouMean, getOffering, toDiscoveryFilters } from "./discovery.service.js";
export { sanitizeSearch } from "./discovery.sql.js";
export { marketplaceRoutes } from "./marketplace.routes.js";
export {
  findCandidate,
  findFilteredCandidates,
  findMatchCandidates,
  findPublishedOfferings,
  type MatchCandidate,
} from "./match-candidates.js";
export { findOfferingFacts, findPublishedOffering, type OfferingFacts } from "./offering-facts.js";
