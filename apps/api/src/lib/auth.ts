import { account, type Database, member, organization as organizationTable, session, user, verification } from "@bgm/db";
import { PASSWORD_LENGTH, SIGN_IN_LINK_MINUTES } from "@bgm/domain";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthEndpoint, createAuthMiddleware } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { magicLink, organization } from "better-auth/plugins";
import { z } from "zod";
import type { AppConfig } from "../config.js";
import { betterAuthOrganizationTables } from "../modules/organizations/index.js";
import type { Mailer } from "./mailer.js";
import { betterAuthRateLimitStorage, type RateLimitCounter } from "./rate-limit-store.js";

/** Whether e-mail/password sign-in is switched off for an address (company SSO, modules/sso); app.ts supplies it. */
export type PasswordSignInGuard = (email: string) => Promise<boolean>;

/** The better-auth paths that take a password for an address: refused when the address's company says so. */
const PASSWORD_PATHS = new Set(["/sign-in/email", "/sign-up/email"]);

/**
 * A server-only endpoint (the auth bridge does not forward it): signs in the user with this verified address
 * after the sso module has checked the ID token of the company's provider. Like the magic-link plugin: the
 * account is created if there is none, an unverified account loses its password and sessions first (the
 * provider proved the mailbox, the password's owner did not), then a session and its cookie.
 */
const ssoSession = () => ({
  id: "bgm-sso-session",
  endpoints: {
    bgmSsoSession: createAuthEndpoint(
      "/bgm/sso-session",
      {
        method: "POST",
        metadata: { SERVER_ONLY: true },
        requireHeaders: true,
        body: z.object({ email: z.string(), name: z.string(), providerId: z.string() }),
      },
      async (ctx) => {
        const body = ctx.body;
        const email = body.email.toLowerCase();
        const adapter = ctx.context.internalAdapter;
        let user = (await adapter.findUserByEmail(email))?.user;
        let created = false;
        if (!user) {
          user = await adapter.createUser(
            { email, emailVerified: true, name: body.name || email },
            { method: "sso-oidc", sso: { providerId: body.providerId } },
          );
          created = true;
        } else if (!user.emailVerified) {
          await adapter.deleteUserSessions(user.id);
          await adapter.deleteAccounts(user.id);
          user = (await adapter.updateUser(user.id, { emailVerified: true })) ?? user;
        }
        const session = await adapter.createSession(user.id);
        if (!session) throw new APIError("INTERNAL_SERVER_ERROR", { message: "no session" });
        await setSessionCookie(ctx, { session, user });
        return ctx.json({ userId: user.id, sessionId: session.id, created });
      },
    ),
  },
});

/** Mails a sign-in link made by the magic-link plugin; the employee-access module supplies it (app.ts). */
export type SignInLinkSender = (link: { email: string; token: string; metadata?: Record<string, unknown> }) => Promise<void>;

export function createAuth(opts: {
  db: Database;
  config: AppConfig;
  mailer: Mailer;
  sendSignInLink?: SignInLinkSender;
  /** Counts the sign-in limits in the database, shared by every API node (lib/rate-limit-store.ts). */
  rateLimitCounter: RateLimitCounter;
  passwordSignInDisabled?: PasswordSignInGuard;
}) {
  const { config, mailer } = opts;
  return betterAuth({
    appName: "BGM Hub",
    baseURL: config.appUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    trustedOrigins: [config.appUrl],
    telemetry: { enabled: false },
    logger: { disabled: config.env === "test" },
    // Only the tables better-auth is configured with: its own (account, verification), the shared identity
    // tables, and the organization plugin's invitation table. That one stays the organizations module's (only
    // its routes write it; the bridge closes better-auth's invitation endpoints), which hands it over through
    // its index because better-auth checks on first use that every table its plugins declare is in the schema.
    database: drizzleAdapter(opts.db, {
      provider: "pg",
      schema: { user, session, account, verification, organization: organizationTable, member, ...betterAuthOrganizationTables },
    }),
    user: {
      additionalFields: {
        platformRole: { type: "string", required: false, input: false },
        locale: { type: "string", required: false, defaultValue: "de", input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user, url }) {
        await mailer.send({
          to: user.email,
          subject: "BGM Hub: Passwort zurücksetzen / Reset your password",
          text: `Hallo ${user.name},\n\num Ihr Passwort zurückzusetzen, öffnen Sie diesen Link (1 Stunde gültig):\n${url}\n\nTo reset your password, open the link above (valid for 1 hour).\n`,
        });
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    hooks: {
      // Company SSO: a company may switch password sign-in off for its e-mail domains (ADR 0021).
      before: createAuthMiddleware(async (ctx) => {
        if (!opts.passwordSignInDisabled || !PASSWORD_PATHS.has(ctx.path)) return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string") return;
        if (await opts.passwordSignInDisabled(email)) {
          throw new APIError("FORBIDDEN", {
            code: "PASSWORD_SIGN_IN_DISABLED",
            message: "Password sign-in is switched off for this company: sign in with the company login",
          });
        }
      }),
    },
    // Login rate limiting: a handful of sign-in attempts per minute and IP, counted in the database so
    // that several API nodes behind a load balancer share one limit (README "Run in production").
    rateLimit: {
      enabled: true,
      customStorage: betterAuthRateLimitStorage(opts.rateLimitCounter),
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: config.loginRateLimit },
        "/sign-up/email": { window: 60, max: config.loginRateLimit },
        "/request-password-reset": { window: 60, max: config.loginRateLimit },
      },
    },
    advanced: {
      cookiePrefix: "bgm",
      useSecureCookies: config.appUrl.startsWith("https://"),
      // Set by the auth bridge from the socket address (see plugins/auth-bridge.ts).
      ipAddress: { ipAddressHeaders: ["x-bgm-client-ip"] },
    },
    plugins: [
      ssoSession(),
      organization({
        allowUserToCreateOrganization: true,
        schema: { organization: { additionalFields: { kind: { type: "string", required: true, input: true } } } },
      }),
      // Sign-in by mailed link for employees (modules/employee-access, ADR 0012). The auth bridge forwards
      // neither of the plugin's endpoints: links are asked for only through the company's join link, for
      // addresses of its employee register, and redeemed through POST /api/join/sign-in.
      magicLink({
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        storeToken: "hashed",
        async sendMagicLink({ email, token, metadata }) {
          if (!opts.sendSignInLink) throw new Error("no sender for sign-in links");
          await opts.sendSignInLink({ email, token, metadata });
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
