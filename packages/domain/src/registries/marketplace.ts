/**
 * Marketplace vocabularies. Offerings may only use these keys; the data-exchange and result
 * features extend the scope and output-type entries with their resolvers and schemas.
 */
export { OFFERING_CATEGORIES, type OfferingCategoryKey } from "./offering-categories.js";

import { DATA_SCOPES, type DataScopeKeyFromRegistry } from "./data-scopes.js";

/** Offerings may request only scopes that exist in the data scope registry. */
export const DATA_SCOPE_KEYS = DATA_SCOPES.map((s) => s.key) as [DataScopeKeyFromRegistry, ...DataScopeKeyFromRegistry[]];
export type DataScopeKey = DataScopeKeyFromRegistry;

/** The places partner results land in (see the output type registry). */
export {
  OUTPUT_TYPE_KEYS,
  type OutputTypeKey,
  RESULT_LANDINGS as INTEGRATION_POINTS,
  type ResultLanding as IntegrationPoint,
} from "./output-types.js";
