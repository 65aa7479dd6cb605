// Public entry of the data-grants module.
import type { FastifyPluginAsync } from "fastify";
import { apiKeyRoutes } from "./api-keys.routes.js";
import { companyDataGrantRoutes } from "./data-grants.routes.js";
import { partnerDataRoutes } from "./partner-data.routes.js";

export { appendAccessLog as recordPartnerAccess } from "./access-log.repository.js";
export { type ApiKeyCaller, authenticateApiKey } from "./api-key-auth.js";
export { touchKey } from "./api-keys.repository.js";
export { endGrantsForEngagement } from "./grants.service.js";
export { authenticatePartner } from "./partner-auth.js";
export { logProviderDenial, type PartnerCaller, type PartnerRequest } from "./partner-data.service.js";
export { inPartnerTenant, type KeyRead, PARTNER_SECURITY } from "./partner-scope.js";

export const dataGrantRoutes: FastifyPluginAsync = async (app) => {
  await app.register(companyDataGrantRoutes);
  await app.register(apiKeyRoutes);
  await app.register(partnerDataRoutes);
};
