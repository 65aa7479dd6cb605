// Public entry of the data-grants module.
import type { FastifyPluginAsync } from "fastify";
import { companyDataGrantRoutes } from "./data-grants.routes.js";
import { grantExpiryEvents } from "./expiry-event.js";
import { partnerDataRoutes } from "./partner-data.routes.js";

export { appendAccessLog as recordPartnerAccess } from "./access-log.repository.js";
export { type AccessLogWriter, createAccessLogWriter } from "./access-log.writer.js";
export { grantsExpiringBefore } from "./expiring.js";
export { endGrantsForEngagement } from "./grants.service.js";
export { authenticatePartner } from "./partner-auth.js";
export { logProviderDenial, type PartnerCaller, type PartnerRequest } from "./partner-data.service.js";

export const dataGrantRoutes: FastifyPluginAsync = async (app) => {
  await app.register(companyDataGrantRoutes);
  await app.register(grantExpiryEvents);
  await app.register(partnerDataRoutes);
};
