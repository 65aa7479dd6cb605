import { ErrorBody, RequestPasswordResetBody, ResetPasswordBody, SignInBody, SignOutBody, SignUpBody } from "@bgm/domain";
import { z } from "zod";

/**
 * The better-auth routes the web app calls, described for the OpenAPI document. They are served by
 * better-auth through the auth bridge (one wildcard route, hidden), so there is no Fastify route to
 * hang a schema on: these schemas only document, they validate nothing. They are written against
 * what the bridge answers (errors normalised to our shape), and a test checks real answers against
 * them. The request bodies come from @bgm/domain, which the web app types its requests from; the
 * answers are described here only. better-auth's own `openAPI` plugin was not used: it documents all of
 * its endpoints with its own error shape, while the bridge forwards only these and answers errors in ours.
 */

export const AuthUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  platformRole: z.enum(["admin"]).nullable(),
  locale: z.string(),
});

export const SignUpAnswer = z.object({ token: z.string().nullable(), user: AuthUser });

export const SignInAnswer = z.object({ redirect: z.literal(false), token: z.string(), user: AuthUser });

export const SignOutAnswer = z.object({ success: z.literal(true) });

export const RequestResetAnswer = z.object({ status: z.literal(true), message: z.string() });

export const ResetAnswer = z.object({ status: z.literal(true) });

interface AuthDoc {
  summary: string;
  description: string;
  body: z.ZodType;
  ok: z.ZodType;
  /** Which session cookie the answer sets: a new one, or the cleared one. */
  cookie?: "set" | "cleared";
  errors: Record<number, string>;
  /** Limited per minute and client IP by LOGIN_RATE_LIMIT (the rest of /api/auth by 300 a minute). */
  loginLimited: boolean;
}

const DOCS: Record<string, AuthDoc> = {
  "/api/auth/sign-up/email": {
    summary: "Create an account with e-mail and password and sign in",
    description: "The new user belongs to no organization yet; the next step is POST /api/organizations or accepting an invitation.",
    body: SignUpBody,
    ok: SignUpAnswer,
    cookie: "set",
    errors: {
      400: "`validation_error` (a field missing or of the wrong type), `invalid_email`, `password_too_short`, `password_too_long`",
      422: "`user_already_exists_use_another_email`",
    },
    loginLimited: true,
  },
  "/api/auth/sign-in/email": {
    summary: "Sign in with e-mail and password",
    description: "Answers the user and sets the session cookie; GET /api/me then gives memberships and the active organization.",
    body: SignInBody,
    ok: SignInAnswer,
    cookie: "set",
    errors: { 400: "`validation_error`", 401: "`invalid_email_or_password` (the same for an unknown address)" },
    loginLimited: true,
  },
  "/api/auth/sign-out": {
    summary: "Sign out: ends the session and clears the session cookie",
    description: "Answers 200 also without a session.",
    body: SignOutBody,
    ok: SignOutAnswer,
    cookie: "cleared",
    errors: {},
    loginLimited: false,
  },
  "/api/auth/request-password-reset": {
    summary: "Mail a password reset link (valid for one hour)",
    description:
      "Answers the same whether or not the address has an account, so nobody learns which addresses exist. The mailed link GET /api/auth/reset-password/{token} redirects to `redirectTo?token=…`, where the app asks for the new password.",
    body: RequestPasswordResetBody,
    ok: RequestResetAnswer,
    errors: { 400: "`validation_error`" },
    loginLimited: true,
  },
  "/api/auth/reset-password": {
    summary: "Set a new password with the token from the reset link; ends every session of the account",
    description: "Sign in again afterwards.",
    body: ResetPasswordBody,
    ok: ResetAnswer,
    errors: { 400: "`invalid_token` (unknown, used or expired), `password_too_short`, `password_too_long`, `validation_error`" },
    loginLimited: false,
  },
};

const jsonSchema = (s: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};
const json = (s: z.ZodType) => ({ "application/json": { schema: jsonSchema(s) } });

const COOKIE_HEADER = {
  set: "The session cookie `bgm.session_token` (HttpOnly, SameSite=Lax, Path=/, 7 days; `__Secure-` prefix and Secure when the app runs on https).",
  cleared: "The session cookies, cleared (Max-Age=0).",
};

/** OpenAPI path items for the auth routes; `loginRateLimit` is the configured LOGIN_RATE_LIMIT. */
export function authOpenApiPaths(loginRateLimit: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, d] of Object.entries(DOCS)) {
    const limit = d.loginLimited ? `${loginRateLimit} requests per minute and client IP` : "300 requests per minute and client IP";
    const errors = {
      ...d.errors,
      403: "`csrf_failed`: the `X-Requested-With: bgm-hub` header is missing or the Origin is foreign",
      429: `\`rate_limited\` "Too many requests, try again later": more than ${limit}; \`X-Retry-After\` says after how many seconds to try again`,
    };
    paths[path] = {
      post: {
        tags: ["auth"],
        summary: d.summary,
        description: `${d.description}\n\nServed by better-auth through the auth bridge. Rate limit: ${limit}. Errors come as \`{ error: { code, message } }\`.`,
        security: [],
        parameters: [{ in: "header", name: "X-Requested-With", required: true, schema: { type: "string", const: "bgm-hub" } }],
        requestBody: { required: true, content: json(d.body) },
        responses: {
          200: {
            description: "OK",
            ...(d.cookie ? { headers: { "Set-Cookie": { description: COOKIE_HEADER[d.cookie], schema: { type: "string" } } } } : {}),
            content: json(d.ok),
          },
          ...Object.fromEntries(
            Object.entries(errors).map(([status, text]) => [
              status,
              {
                description: text,
                ...(status === "429" ? { headers: { "X-Retry-After": { schema: { type: "integer" } } } } : {}),
                content: json(ErrorBody),
              },
            ]),
          ),
        },
      },
    };
  }
  return paths;
}
