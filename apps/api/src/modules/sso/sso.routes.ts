import {
  ErrorBody,
  SsoCallbackQuery,
  SsoConfigInput,
  SsoConfigState,
  SsoDiscoverInput,
  SsoDiscovery,
  SsoStartQuery,
  SsoTestInput,
  SsoTestResult,
} from "@bgm/domain";
import rateLimit from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { CLIENT_IP_HEADER, toWebHeaders } from "../../plugins/auth-bridge.js";
import * as service from "./sso.service.js";

const tags = ["sso"];
const MANAGERS = { roles: ["bgm_manager"], kind: "company" } as const;
const STATE_COOKIE = "bgm.sso_state";
const PUBLIC_PER_MINUTE = 30;

const meta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null,
  requestId: req.id,
});

function readCookie(req: FastifyRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export interface SsoRoutesOptions {
  /** Tests only: seconds added to this server's clock when checking ID tokens. */
  clockSkewS?: number;
}

export const ssoRoutes: FastifyPluginAsyncZod<SsoRoutesOptions> = async (app, opts) => {
  const secure = app.config.appUrl.startsWith("https://");
  const deps: service.SsoDeps = {
    db: app.db,
    auth: app.auth,
    appUrl: app.config.appUrl,
    secret: app.config.authSecret,
    allowHttpLoopbackIssuer: app.config.env !== "production",
    clockSkewS: opts.clockSkewS ?? 0,
  };
  const stateCookie = (value: string, maxAge: number) =>
    `${STATE_COOKIE}=${encodeURIComponent(value)}; Path=/api/sso; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;

  await app.register(rateLimit, { global: false });
  const perIp = (name: string) =>
    app.createRateLimit({ max: PUBLIC_PER_MINUTE, timeWindow: 60_000, keyGenerator: (req) => `${name}:${req.ip}` });
  const limits = { discover: perIp("sso-discover"), start: perIp("sso-start"), callback: perIp("sso-callback") };
  async function enforce(limit: ReturnType<typeof app.createRateLimit>, req: FastifyRequest, reply: FastifyReply) {
    const result = await limit(req);
    if (!result.isAllowed && result.isExceeded) {
      reply.header("retry-after", String(result.ttlInSeconds));
      throw new AppError("rate_limited", "Too many requests, try again later");
    }
  }
  const refusedTo = (reply: FastifyReply, code: string) =>
    reply.header("cache-control", "no-store").redirect(`/login?sso_error=${encodeURIComponent(code)}`, 303);

  // ---- The company admin's configuration -------------------------------------------------------------

  app.get(
    "/api/organization/sso",
    { schema: { tags, summary: "The company's OpenID Connect provider (without its client secret)", response: { 200: SsoConfigState } } },
    async (req) => req.inTenant(MANAGERS, (s) => service.getConfig(s, deps.appUrl)),
  );

  app.put(
    "/api/organization/sso",
    {
      schema: {
        tags,
        summary: "Configure the company's OpenID Connect provider (sign-in for its e-mail domains)",
        description:
          "The client secret is write-only: required the first time, kept when omitted, never returned. A domain " +
          "belongs to one company (409 `conflict`). Audited as `sso.configured` or `sso.updated` (never the secret).",
        body: SsoConfigInput,
        response: { 200: SsoConfigState, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const orgId = await req.inTenant(MANAGERS, async (s) => s.orgId);
      await service.checkDomainsFree(app.db, orgId, req.body.domains);
      return req.inTenant(MANAGERS, (s) => service.saveConfig(s, deps, req.body));
    },
  );

  app.delete(
    "/api/organization/sso",
    {
      schema: {
        tags,
        summary: "Remove the company's provider (password sign-in works again for its domains)",
        description: "Audited as `sso.removed`.",
        response: { 200: SsoConfigState, 404: ErrorBody },
      },
    },
    async (req) => req.inTenant(MANAGERS, (s) => service.removeConfig(s, deps.appUrl)),
  );

  app.post(
    "/api/organization/sso/test",
    {
      schema: {
        tags,
        summary: "Test connection: fetch the issuer's discovery document",
        body: SsoTestInput,
        response: { 200: SsoTestResult, 422: ErrorBody },
      },
    },
    async (req) => {
      await req.inTenant(MANAGERS, async () => null);
      return service.testIssuer(req.body.issuer, deps.allowHttpLoopbackIssuer);
    },
  );

  // ---- Sign-in (no session yet) ------------------------------------------------------------------------

  app.post(
    "/api/sso/discover",
    {
      schema: {
        tags,
        summary: "Does this address sign in with its company's provider, and is password sign-in allowed?",
        description: "Answers for the address's domain only; nothing about whether the person has an account.",
        body: SsoDiscoverInput,
        response: { 200: SsoDiscovery, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforce(limits.discover, req, reply);
      return service.discover(app.db, req.body.email);
    },
  );

  app.get(
    "/api/sso/start",
    {
      // Browser navigations answered with redirects only (no JSON): kept out of the OpenAPI document like
      // the auth bridge's routes; described in ADR 0021.
      schema: {
        hide: true,
        tags,
        summary: "Start the company login: redirects to the provider (authorization code flow with PKCE, state, nonce)",
        querystring: SsoStartQuery,
        response: { 303: z.null().describe("To the provider, or to /login?sso_error=…"), 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforce(limits.start, req, reply);
      try {
        const { url, stateCookie: value } = await service.startSignIn(deps, req.query.email);
        reply.header("set-cookie", stateCookie(value, service.STATE_TTL_S));
        return reply.header("cache-control", "no-store").redirect(url, 303);
      } catch (err) {
        if (!(err instanceof service.SsoRefused)) throw err;
        req.log.warn({ code: err.code, reason: err.message }, "sso sign-in not started");
        return refusedTo(reply, err.code);
      }
    },
  );

  app.get(
    service.CALLBACK_PATH,
    {
      schema: {
        hide: true,
        tags,
        summary: "The provider's redirect back: signs in, then redirects to the app (or to /login?sso_error=…)",
        description: "Just-in-time membership (default or mapped role), linked to the employee register. Audited as `sso.signed_in`.",
        querystring: SsoCallbackQuery,
        response: { 303: z.null(), 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforce(limits.callback, req, reply);
      const clear = stateCookie("", 0);
      try {
        const headers = toWebHeaders(req.headers);
        headers.delete("cookie");
        headers.set(CLIENT_IP_HEADER, req.ip);
        const { cookies } = await service.completeSignIn(
          deps,
          new URL(req.url, deps.appUrl),
          readCookie(req, STATE_COOKIE),
          headers,
          meta(req),
        );
        reply.header("set-cookie", [clear, ...cookies]);
        return reply.header("cache-control", "no-store").redirect("/", 303);
      } catch (err) {
        if (!(err instanceof service.SsoRefused)) throw err;
        req.log.warn({ code: err.code, reason: err.message }, "sso sign-in refused");
        reply.header("set-cookie", clear);
        return refusedTo(reply, err.code);
      }
    },
  );
};
