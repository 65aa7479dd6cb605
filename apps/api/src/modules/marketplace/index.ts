import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

// Public entry of the marketplace module (routes are being built).
export const marketplaceRoutes: FastifyPluginAsyncZod = async () => {};
