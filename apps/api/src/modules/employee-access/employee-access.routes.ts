import {
  CompleteSignIn,
  ErrorBody,
  JoinInfo,
  JoinLinkState,
  JoinTokenParam,
  RequestSignInLink,
  SIGN_IN_LINK_MINUTES,
  SIGN_IN_LINK_REQUESTS_PER_ADDRESS,
  SignedIn,
  SignInLinkRequested,
} from "@bgm/domain";
import rateLimit from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../lib/app-error.js";
import { fastifyRateLimitStore } from "../../lib/rate-limit-store.js";
import { CLIENT_IP_HEADER, toWebHeaders } from "../../plugins/auth-bridge.js";
import * as service from "./employee-access.service.js";
import { addressKey } from "./tokens.js";

const tags = ["employee-access"];
const MANAGERS = { roles: ["bgm_manager"], kind: "company" } as const;
const ADDRESS_WINDOW_MS = SIGN_IN_LINK_MINUTES * 60_000;
/** The join page is read once per visit; this only keeps a token-guessing script slow. */
const JOIN_PAGE_PER_MINUTE = 60;

const meta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null,
  requestId: req.id,
});

/** The headers better-auth sees for this request: the client IP from the socket, never from the client. */
function authHeaders(req: FastifyRequest): Headers {
  const headers = toWebHeaders(req.headers);
  headers.delete("cookie");
  headers.set(CLIENT_IP_HEADER, req.ip);
  return headers;
}

const RATE_LIMITED = {
  429: ErrorBody.describe(
    "`rate_limited`: too many requests from this address or for this e-mail; `Retry-After` says after how many seconds",
  ),
};

export const employeeAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  const cfg = { appUrl: app.config.appUrl, secret: app.config.authSecret };

  // Counted in the database like better-auth's login limit, so every API node shares the limits.
  await app.register(rateLimit, { global: false, store: fastifyRateLimitStore(app.rateLimitCounter) });
  const perIp = (name: string, max: number) => app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (req) => `${name}:${req.ip}` });
  const limits = {
    joinPage: perIp("join-page", JOIN_PAGE_PER_MINUTE),
    request: perIp("join-request", app.config.loginRateLimit),
    signIn: perIp("join-sign-in", app.config.loginRateLimit),
    // Counted for every address asked for, registered or not, so the limit says nothing about the register.
    address: app.createRateLimit({
      max: SIGN_IN_LINK_REQUESTS_PER_ADDRESS,
      timeWindow: ADDRESS_WINDOW_MS,
      keyGenerator: (req) => `join-address:${addressKey((req.body as { email: string }).email)}`,
    }),
  };
  async function enforce(limit: ReturnType<typeof app.createRateLimit>, req: FastifyRequest, reply: FastifyReply) {
    const result = await limit(req);
    if (!result.isAllowed && result.isExceeded) {
      reply.header("retry-after", String(result.ttlInSeconds));
      throw new AppError("rate_limited", "Too many requests, try again later");
    }
  }

  // Sign-in mails go out after the answer (same answer and time whatever the address); close waits for them.
  const pending = new Set<Promise<void>>();
  app.addHook("onClose", async () => {
    await Promise.allSettled([...pending]);
  });
  function inBackground(req: FastifyRequest, task: () => Promise<void>) {
    const run: Promise<void> = task()
      .catch((err: Error) => req.log.warn({ err: err.message }, "sign-in link could not be sent"))
      .finally(() => pending.delete(run));
    pending.add(run);
  }

  app.get(
    "/api/organization/join-link",
    {
      schema: {
        tags,
        summary: "The company's join link for employees, if one is active",
        response: { 200: JoinLinkState },
      },
    },
    async (req) => req.inTenant(MANAGERS, (s) => service.getJoinLink(s, cfg)),
  );

  app.post(
    "/api/organization/join-link",
    {
      schema: {
        tags,
        summary: "Create the company's join link, or rotate it (the old link stops working at once)",
        description:
          "Employees open the link, give their work address and get a sign-in link by mail if the address is an active " +
          "employee's in the register. Rotating also voids the sign-in links mailed through the old link. Audited as " +
          "`join_link.created` or `join_link.rotated`.",
        response: { 201: JoinLinkState },
      },
    },
    async (req, reply) => {
      const { state } = await req.inTenant(MANAGERS, (s) => service.createJoinLink(s, cfg));
      return reply.status(201).send(state);
    },
  );

  app.delete(
    "/api/organization/join-link",
    {
      schema: {
        tags,
        summary: "Disable the company's join link (and the sign-in links mailed through it)",
        response: { 200: JoinLinkState, 404: ErrorBody.describe("The company has no active join link") },
      },
    },
    async (req) => req.inTenant(MANAGERS, (s) => service.disableJoinLink(s)),
  );

  app.get(
    "/api/join/:token",
    {
      schema: {
        tags,
        summary: "The company behind a join link (public)",
        description: "Unknown, rotated and disabled links all answer 404 `not_found`.",
        security: [],
        params: JoinTokenParam,
        response: { 200: JoinInfo, 404: ErrorBody, ...RATE_LIMITED },
      },
      preHandler: (req, reply) => enforce(limits.joinPage, req, reply),
    },
    async (req) => service.joinInfo(app.db, req.params.token),
  );

  app.post(
    "/api/join/:token/sign-in-link",
    {
      schema: {
        tags,
        summary: "Ask for a sign-in link by mail (public)",
        description:
          "Always 202 with the same body when the join link is active: the mail goes out (in the background) only when " +
          "the address belongs to an active employee of the link's company, to the address of the register, valid for " +
          `${SIGN_IN_LINK_MINUTES} minutes and once. The answer never says whether it did. Limits: LOGIN_RATE_LIMIT ` +
          `requests per minute and client IP, ${SIGN_IN_LINK_REQUESTS_PER_ADDRESS} per address in ${SIGN_IN_LINK_MINUTES} minutes ` +
          "(counted for every address, registered or not).",
        security: [],
        params: JoinTokenParam,
        body: RequestSignInLink,
        response: { 202: SignInLinkRequested, 404: ErrorBody.describe("Unknown, rotated or disabled join link"), ...RATE_LIMITED },
      },
      preHandler: async (req, reply) => {
        await enforce(limits.request, req, reply);
        await enforce(limits.address, req, reply);
      },
    },
    async (req, reply) => {
      const recipient = await service.findSignInRecipient(app.db, req.params.token, req.body.email);
      if (recipient) {
        const headers = authHeaders(req);
        const m = meta(req);
        inBackground(req, () => service.issueSignInLink({ db: app.db, auth: app.auth }, recipient, headers, m));
      }
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/join/sign-in",
    {
      schema: {
        tags,
        summary: "Sign in with the mailed link (public)",
        description:
          "Redeems the `token` of the mailed link once: signs the employee in (the account is created if there is none, " +
          "with the name from the register and the address verified), links the register entry, makes them a member of " +
          "the company as `employee` if they are not one yet (an existing role stays) and makes that company the active " +
          "one. Sets the session cookie. Audited as `employee.signed_in_by_link`.",
        security: [],
        body: CompleteSignIn,
        response: {
          200: SignedIn,
          400: ErrorBody.describe(
            "`invalid_sign_in_link`: unknown, altered, expired or used; or its join link was rotated or disabled; or the employee is no longer active",
          ),
          ...RATE_LIMITED,
        },
      },
      preHandler: (req, reply) => enforce(limits.signIn, req, reply),
    },
    async (req, reply) => {
      const { signedIn, cookies } = await service.completeSignIn(
        { db: app.db, auth: app.auth, secret: cfg.secret },
        req.body.token,
        authHeaders(req),
        meta(req),
      );
      if (cookies.length) reply.header("set-cookie", cookies);
      return signedIn;
    },
  );
};
