// Public entry of the partner-access module: a provider's API keys (issue, list, revoke) and how a
// partner endpoint knows its caller, by key or by session. Data access, partner reads and result
// uploads all check keys here, and nowhere else.
export { keyTouchDue } from "./api-key.js";
export { checkedKey, keyCheckedFor, keyCheckStatement, touchKey } from "./api-keys.repository.js";
export { apiKeyRoutes as partnerAccessRoutes } from "./api-keys.routes.js";
export { bearerKeyHash, type KeyCaller, type KeyRefusal, type RefusedKey, resolveBearerKey } from "./bearer-key.js";
export {
  inActorTenant,
  inPartnerTenant,
  type KeyRead,
  PARTNER_SECURITY,
  type PartnerActor,
  partnerActor,
} from "./partner-tenant.js";
