import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpoint,
  CursorQuery,
  IdParam,
  RotatedWebhookSecret,
  RotateWebhookSecret,
  UpdateWebhookEndpoint,
  WebhookAttemptList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookTestSent,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as service from "./webhooks.service.js";
import { registerWebhookJobs } from "./worker.js";

const tags = ["webhooks"];
const PARTNER_ADMIN = { roles: ["partner_admin"], kind: "provider" } as const;

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = { allowPrivate: app.config.webhooks?.allowPrivate ?? false };
  registerWebhookJobs(app.jobs, {
    db: app.db,
    mailer: app.mailer,
    log: app.log,
    appUrl: app.config.appUrl,
    allowPrivate: settings.allowPrivate,
    timeoutMs: app.config.webhooks?.timeoutMs ?? 10_000,
  });

  app.get(
    "/api/provider/webhooks",
    {
      schema: {
        tags,
        summary: "The partner's webhook endpoints (never their secrets), newest first",
        querystring: CursorQuery,
        response: { 200: WebhookEndpointList },
      },
    },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.listEndpoints(s, req.query)),
  );

  app.post(
    "/api/provider/webhooks",
    {
      schema: {
        tags,
        summary: "Subscribe a URL to events; the signing secret is shown once, in this answer",
        body: CreateWebhookEndpoint,
        response: { 201: CreatedWebhookEndpoint },
      },
    },
    async (req, reply) => reply.status(201).send(await req.inTenant(PARTNER_ADMIN, (s) => service.createEndpoint(s, req.body, settings))),
  );

  app.patch(
    "/api/provider/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Change an endpoint's URL, events or description, or switch it on or off",
        params: IdParam,
        body: UpdateWebhookEndpoint,
        response: { 200: WebhookEndpoint },
      },
    },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.updateEndpoint(s, req.params.id, req.body, settings)),
  );

  app.delete(
    "/api/provider/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Delete an endpoint and its delivery log; answers the deleted endpoint",
        params: IdParam,
        response: { 200: WebhookEndpoint },
      },
    },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.deleteEndpoint(s, req.params.id)),
  );

  app.post(
    "/api/provider/webhooks/:id/rotate-secret",
    {
      schema: {
        tags,
        summary: "A new signing secret (shown once); the old one keeps signing during the overlap",
        params: IdParam,
        body: RotateWebhookSecret,
        response: { 200: RotatedWebhookSecret },
      },
    },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.rotateSecret(s, req.params.id, req.body)),
  );

  app.post(
    "/api/provider/webhooks/:id/test",
    {
      schema: {
        tags,
        summary: "Send a test event to this endpoint (delivered through the queue)",
        params: IdParam,
        response: { 202: WebhookTestSent },
      },
    },
    async (req, reply) => reply.status(202).send(await req.inTenant(PARTNER_ADMIN, (s) => service.sendTestEvent(s, req.params.id))),
  );

  app.get(
    "/api/provider/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        summary: "The endpoint's delivery log: every try with status, response code, latency and the next try, newest first",
        params: IdParam,
        querystring: CursorQuery,
        response: { 200: WebhookAttemptList },
      },
    },
    async (req) => req.inTenant(PARTNER_ADMIN, (s) => service.listAttempts(s, req.params.id, req.query)),
  );
};
