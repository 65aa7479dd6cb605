import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";
import { AppError } from "../lib/app-error.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-requested-with";
export const CSRF_VALUE = "bgm-hub";

const HELMET: HelmetOptions = {
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
};

/**
 * helmet's headers for our policy, computed once. The policy is static (no nonces, no per-request
 * directives), and @fastify/helmet rebuilt helmet and re-parsed the CSP on every request (~35 µs).
 */
function helmetHeaders(options: HelmetOptions = HELMET): [string, string][] {
  const headers = new Map<string, string>();
  const collector = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  helmet(options)({} as IncomingMessage, collector as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return [...headers];
}

/**
 * The headers of every API answer (JSON, file downloads, errors): what OWASP's REST Security Cheat Sheet asks
 * of an API, and no more. The web app's pages get helmet's full set; most of it governs documents (opener
 * policy, agent clusters, DNS prefetch, legacy IE and Flash switches) and does nothing on a JSON answer
 * except cost about 600 bytes and six header writes on every call (issue 14, "API overhead"). The CSP is
 * stricter than the pages' one: an API answer opened in a tab (an uploaded file, say) may load and run
 * nothing, and no API answer may be framed. `/api/docs` sets its own CSP for the Swagger UI.
 */
export const API_HEADERS: readonly [string, string][] = [
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ["cross-origin-resource-policy", "same-origin"],
  ["referrer-policy", "no-referrer"],
  ["strict-transport-security", "max-age=31536000; includeSubDomains"],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  // API answers may carry personal data: never let a browser or proxy keep them. No API route asks for caching.
  ["cache-control", "no-store"],
];

/**
 * Security headers, CSRF defence and cache policy.
 * CSRF: cookie-authenticated writes must carry `X-Requested-With: bgm-hub` (a custom header a
 * cross-site form cannot send and a cross-site fetch cannot send without a CORS preflight we never
 * allow) and, when the browser sends an Origin, it must be our own.
 */
export const securityPlugin = fp(async (app: FastifyInstance, opts: { appUrl: string }) => {
  const ownOrigin = new URL(opts.appUrl).origin;
  const pageHeaders = helmetHeaders();
  // One synchronous hook for all of it: it runs on every request, and each async hook costs a promise
  // and a microtask turn per request (issue 14, "API overhead"). Set on arrival, so that every answer,
  // error answers too, has them.
  app.addHook("onRequest", (req, reply, done) => {
    const res = reply.raw;
    if (!req.url.startsWith("/api/")) {
      for (const [name, value] of pageHeaders) res.setHeader(name, value);
      return done();
    }
    for (const [name, value] of API_HEADERS) res.setHeader(name, value);
    done(UNSAFE.has(req.method) ? csrfRefusal(req, ownOrigin) : undefined);
  });
});

/** Why a cookie-authenticated write is refused as cross-site, or undefined when it may go on. */
function csrfRefusal(req: FastifyRequest, ownOrigin: string): AppError | undefined {
  // Machines with an API key send no cookie, so there is nothing a forged request could ride on;
  // a browser cannot add an Authorization header cross-site without a CORS preflight we never allow.
  if (req.headers.cookie === undefined && /^Bearer\s/i.test(req.headers.authorization ?? "")) return undefined;
  const origin = req.headers.origin;
  if (origin && origin !== ownOrigin) return new AppError("csrf_failed", "Cross-site request refused");
  if (req.headers[CSRF_HEADER] !== CSRF_VALUE) return new AppError("csrf_failed", `Missing ${CSRF_HEADER} header`);
  return undefined;
}
