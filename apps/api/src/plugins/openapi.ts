import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI 3.1 document at /api/openapi.json and a readable reference at /api/docs. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "BGM Hub API",
        version: "0.1.0",
        description:
          "Workplace health management with a partner marketplace. Cookie-authenticated; every write needs the header `X-Requested-With: bgm-hub`. Errors: `{ error: { code, message, details } }`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "bgm.session_token" },
          // Machines of a provider: keys are created on the API-Schlüssel page and shown once.
          partnerApiKey: {
            type: "http",
            scheme: "bearer",
            description:
              "A provider's API key (`bgm_…`) as `Authorization: Bearer <key>`, accepted only where an operation lists it. No cookie and no CSRF header; a malformed, unknown, revoked or expired key is a 401 `invalid_api_key`.",
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
});
