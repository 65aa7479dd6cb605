import { ApiKey, ApiKeyList, CreateApiKey, CreatedApiKey, CursorQuery, IdParam } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as service from "./api-keys.service.js";

// Listed under data-grants in the API reference, where partners have always found them.
const tags = ["data-grants"];
const PARTNER_ADMIN = { roles: ["partner_admin"], kind: "provider" } as const;

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/provider/api-keys",
    {
      schema: {
        tags,
        summary: "The provider's API keys (never the keys themselves), newest first",
        querystring: CursorQuery,
        response: { 200: ApiKeyList },
      },
    },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.listApiKeys(s, req.query)),
  );

  app.post(
    "/api/provider/api-keys",
    {
      // The plaintext key is never stored, not even for a replay: a replayed answer lacks `key`.
      config: { idempotent: { redact: ["key"] } },
      schema: {
        tags,
        summary: "Create an API key for the partner data API; the plaintext key is shown once, in this answer",
        description:
          "With an `Idempotency-Key`, a replay answers the same key's id, name and prefix but not the plaintext `key`, which is never stored: revoke it and create a new one if the first answer was lost.",
        body: CreateApiKey,
        response: { 201: CreatedApiKey },
      },
    },
    async (req, reply) => reply.status(201).send(await req.inTenant(PARTNER_ADMIN, (s) => service.createApiKey(s, req.body))),
  );

  app.post(
    "/api/provider/api-keys/:id/revoke",
    { schema: { tags, summary: "Revoke an API key; it stops working immediately", params: IdParam, response: { 200: ApiKey } } },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.revokeApiKey(s, req.params.id)),
  );
};
