import type { DatabaseHandle } from "@bgm/db";
import {
  CertificationList,
  DiscoveryQuery,
  IdParam,
  MEMBER_ROLES,
  Offering,
  OfferingList,
  OfferingProvider,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordOpened } from "../suggestion-stats/index.js";
import { createDiscoveryCache, DISCOVERY_CACHE_DEFAULTS, DISCOVERY_CHANNEL, discoveryCacheKey } from "./discovery.cache.js";
import * as discovery from "./discovery.service.js";
import { providerRoutes } from "./provider.routes.js";

const tags = ["marketplace"];

/** Fastify sends bytes as they are, without serializing them again. */
function sendSerialized(reply: FastifyReply, json: Buffer) {
  return reply.type("application/json; charset=utf-8").send(json);
}

/** Browsing is open to every member of a company or a provider; RLS still shows only published rows (and own ones). */
const BROWSE = { roles: MEMBER_ROLES };

export const marketplaceRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (app, { database }) => {
  // One cache per app instance; the provider routes invalidate it at once after their writes, and every
  // committed change of offerings or provider profiles, through any node, arrives as a notification.
  const catalog = createDiscoveryCache(app.config.discoveryCache ?? DISCOVERY_CACHE_DEFAULTS);
  const listening = await database.subscribe(DISCOVERY_CHANNEL, {
    onNotify: () => catalog.invalidate(),
    // Changes made while the connection was down were not heard: start over (the TTL bounded them meanwhile).
    onConnected: () => catalog.invalidate(),
    onDisconnected: (err) =>
      app.log.warn(
        { err: err && { message: err.message } },
        "discovery cache: notification connection lost; the TTL bounds staleness until it is back",
      ),
  });
  app.addHook("onClose", async () => listening.close());
  await app.register(providerRoutes, { catalog });

  app.get(
    "/api/marketplace/offerings",
    {
      schema: {
        tags,
        summary: "Find published offerings: filters and German full-text search, by relevance or title, paged by cursor",
        querystring: DiscoveryQuery,
        response: { 200: OfferingList },
      },
    },
    async (req, reply) => {
      // The access check runs on every request; only the public answer comes from the cache.
      await req.authorize(BROWSE);
      const filters = discovery.toDiscoveryFilters(req.query);
      const body = await catalog.answer(discoveryCacheKey(filters), async () => {
        // The route's own serializer: the answer is schema-checked once, when it is computed.
        const json = reply.serialize(await req.inTenant(BROWSE, (s) => discovery.listOfferings(s, filters)));
        if (typeof json !== "string") throw new Error("discovery answer did not serialize to a string");
        return Buffer.from(json);
      });
      return sendSerialized(reply, body);
    },
  );

  app.get(
    "/api/marketplace/offerings/:id",
    {
      schema: { tags, summary: "One published offering (or an own one in any state)", params: IdParam, response: { 200: Offering } },
    },
    async (req) =>
      req.inTenant(BROWSE, async (s) => {
        const found = await discovery.getOffering(s, req.params.id);
        // A company opening a published offering counts for the provider's statistics (issue 15, ADR 0024).
        if (found.status === "published") await recordOpened(s, found.id);
        return found;
      }),
  );

  app.get(
    "/api/marketplace/offerings/:id/provider",
    {
      schema: {
        tags,
        summary:
          "The provider behind a visible offering: its public profile (about, regions, certifications, contact) and its other published offerings",
        params: IdParam,
        response: { 200: OfferingProvider },
      },
    },
    async (req) => req.inTenant(BROWSE, (s) => discovery.getOfferingProvider(s, req.params.id)),
  );

  app.get(
    "/api/marketplace/certifications",
    {
      schema: {
        tags,
        summary: "Every certification that published offerings carry, for the certification filter",
        description: `The filter's choices, a short list. ${WHOLE_LIST_NOTE}`,
        response: { 200: CertificationList },
      },
    },
    async (req) => req.inTenant(BROWSE, (s) => discovery.listCertifications(s)),
  );
};
