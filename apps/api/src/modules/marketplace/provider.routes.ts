import {
  CreateOffering,
  CursorQuery,
  IdParam,
  Offering,
  OwnOfferingList,
  ProviderProfile,
  UpdateOffering,
  UpdateProviderProfile,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { DiscoveryCache } from "./discovery.cache.js";
import * as service from "./offerings.service.js";

const tags = ["marketplace"];
const READ = { roles: ["partner_admin", "partner_member"] as const, kind: "provider" as const };
const WRITE = { roles: ["partner_admin"] as const, kind: "provider" as const };

/**
 * The provider's side: its public profile and its offerings in every state. Every write here can
 * change what discovery shows (status, texts, prices, regions, provider name), so each one
 * invalidates the discovery cache once its transaction is over.
 */
export const providerRoutes: FastifyPluginAsyncZod<{ catalog: DiscoveryCache }> = async (app, { catalog }) => {
  app.get(
    "/api/provider/profile",
    { schema: { tags, summary: "The provider's public profile", response: { 200: ProviderProfile } } },
    async (req) => req.inTenant(READ, (s) => service.getProfile(s)),
  );

  app.patch(
    "/api/provider/profile",
    {
      schema: {
        tags,
        summary: "Edit the provider's public profile (created on first save)",
        body: UpdateProviderProfile,
        response: { 200: ProviderProfile },
      },
    },
    async (req) => catalog.afterWrite(() => req.inTenant(WRITE, (s) => service.updateProfile(s, req.body))),
  );

  app.get(
    "/api/provider/offerings",
    {
      schema: {
        tags,
        summary: "The provider's own offerings in every state, by title",
        querystring: CursorQuery,
        response: { 200: OwnOfferingList },
      },
    },
    async (req) => req.inTenant(READ, (s) => service.listOwnOfferings(s, req.query)),
  );

  app.post(
    "/api/provider/offerings",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Create an offering as a draft; registry keys unknown to the platform are a 422",
        body: CreateOffering,
        response: { 201: Offering },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await catalog.afterWrite(() => req.inTenant(WRITE, (s) => service.createOffering(s, req.body)))),
  );

  app.patch(
    "/api/provider/offerings/:id",
    {
      schema: {
        tags,
        summary: "Edit an own offering or move it draft → published → archived → draft",
        params: IdParam,
        body: UpdateOffering,
        response: { 200: Offering },
      },
    },
    async (req) => catalog.afterWrite(() => req.inTenant(WRITE, (s) => service.updateOffering(s, req.params.id, req.body))),
  );
};
