import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../lib/app-error.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-requested-with";
export const CSRF_VALUE = "bgm-hub";

/**
 * Security headers, CSRF defence and cache policy.
 * CSRF: cookie-authenticated writes must carry `X-Requested-With: bgm-hub` (a custom header a
 * cross-site form cannot send and a cross-site fetch cannot send without a CORS preflight we never
 * allow) and, when the browser sends an Origin, it must be our own.
 */
export const securityPlugin = fp(async (app: FastifyInstance, opts: { appUrl: string }) => {
  const ownOrigin = new URL(opts.appUrl).origin;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects component styles at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook("onRequest", async (req) => {
    if (!UNSAFE.has(req.method) || !req.url.startsWith("/api/")) return;
    const origin = req.headers.origin;
    if (origin && origin !== ownOrigin) throw new AppError("csrf_failed", "Cross-site request refused");
    if (req.headers[CSRF_HEADER] !== CSRF_VALUE) {
      throw new AppError("csrf_failed", `Missing ${CSRF_HEADER} header`);
    }
  });

  // API answers may carry personal data: never let a browser or proxy keep them.
  app.addHook("onSend", async (req, reply) => {
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
});
