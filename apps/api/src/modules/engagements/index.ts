import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

// Public entry of the engagements module (routes are being built).
export const engagementsRoutes: FastifyPluginAsyncZod = async () => {};
