import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { IDEMPOTENCY_HEADER_DESCRIPTION } from "../lib/idempotency.js";
import { authOpenApiPaths } from "./auth-openapi.js";

/** OpenAPI 3.1 document at /api/openapi.json and a readable reference at /api/docs. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "BGM Hub API",
        version: "0.1.0",
        description:
          "Workplace health management with a partner marketplace. Cookie-authenticated (sign in with POST /api/auth/sign-in/email); every write needs the header `X-Requested-With: bgm-hub`. Partner machines use an API key on the operations that list `partnerApiKey`. Errors: `{ error: { code, message, details } }`. Creating POSTs take an optional `Idempotency-Key` header (safe retries; see the header's description).",
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
    // Routes with `config: { idempotent: true }` list the optional Idempotency-Key header (lib/idempotency.ts).
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      if (!input.route.config?.idempotent) return out;
      const headers = (out.schema.headers ?? {}) as { properties?: Record<string, unknown>; required?: string[] };
      const header = { type: "string", minLength: 1, maxLength: 255, description: IDEMPOTENCY_HEADER_DESCRIPTION };
      return {
        ...out,
        schema: {
          ...out.schema,
          headers: { ...headers, type: "object", properties: { ...headers.properties, "Idempotency-Key": header } },
        },
      };
    },
    // better-auth's routes have no Fastify route of their own (one hidden wildcard bridges them): their descriptions are added here.
    transformObject: (doc) => {
      const spec = "openapiObject" in doc ? doc.openapiObject : doc.swaggerObject;
      return { ...spec, paths: { ...authOpenApiPaths(app.config.loginRateLimit), ...spec.paths } } as typeof spec;
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
});
