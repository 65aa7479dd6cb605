import type { FastifyInstance } from "fastify";
import type { Auth } from "../lib/auth.js";
import { NO_ROUTE_MESSAGE } from "./error-handler.js";

export const CLIENT_IP_HEADER = "x-bgm-client-ip";

export function toWebHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  return headers;
}

/**
 * better-auth speaks web Request/Response; this forwards /api/auth/* to it. Cookies are copied with
 * getSetCookie() so several Set-Cookie headers survive. The wildcard route itself is hidden; the
 * forwarded routes the web app uses are described for the OpenAPI document in auth-openapi.ts.
 */
/**
 * The better-auth endpoints the app uses. Everything else better-auth offers (notably its
 * organization endpoints, which would create organizations without project, checklist and audit)
 * is closed: organizations and memberships change only through our own routes.
 */
const FORWARDED = [
  /^\/api\/auth\/sign-up\/email$/,
  /^\/api\/auth\/sign-in\/email$/,
  /^\/api\/auth\/sign-out$/,
  /^\/api\/auth\/get-session$/,
  /^\/api\/auth\/request-password-reset$/,
  /^\/api\/auth\/reset-password$/,
  /^\/api\/auth\/reset-password\/[^/]+$/,
];

export async function authBridge(app: FastifyInstance, opts: { auth: Auth; appUrl: string }) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    async handler(req, reply) {
      const url = new URL(req.url, opts.appUrl);
      if (!FORWARDED.some((re) => re.test(url.pathname))) {
        return reply.status(404).send({ error: { code: "not_found", message: NO_ROUTE_MESSAGE } });
      }
      const hasBody = req.method !== "GET" && req.body !== undefined;
      const headers = toWebHeaders(req.headers);
      // Rate limiting is keyed by this header; it is always the socket address, never a client's claim.
      headers.set(CLIENT_IP_HEADER, req.ip);
      const request = new Request(url, {
        method: req.method,
        headers,
        body: hasBody ? JSON.stringify(req.body) : undefined,
      });
      const response = await opts.auth.handler(request);
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key.toLowerCase() !== "set-cookie") reply.header(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header("set-cookie", cookies);
      reply.header("cache-control", "no-store");
      const text = await response.text();
      if (response.status >= 400) {
        // Normalise better-auth's error shape to ours.
        let parsed: { code?: string; message?: string } = {};
        try {
          parsed = JSON.parse(text);
        } catch {}
        // The limit answers with the code every other route uses for it, so a client handles 429 once.
        const code = response.status === 429 ? "rate_limited" : (parsed.code ?? "auth_error").toLowerCase();
        const message = response.status === 429 ? "Too many requests, try again later" : (parsed.message ?? "Authentication failed");
        return reply.type("application/json").send({ error: { code, message } });
      }
      return reply.send(text.length ? text : null);
    },
  });
}
