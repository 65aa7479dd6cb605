import { z } from "zod";
import { PASSWORD_LENGTH } from "./organizations.js";

/**
 * The bodies of the better-auth routes the web app sends (sign-up, sign-in, sign-out, password reset).
 * better-auth validates them itself behind the auth bridge; these schemas are what the web app types its
 * requests from and what the API's OpenAPI document describes (apps/api/src/plugins/auth-openapi.ts).
 */

const Password = z
  .string()
  .min(PASSWORD_LENGTH.min)
  .max(PASSWORD_LENGTH.max)
  .describe(`${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters`);

export const SignUpBody = z.object({ name: z.string().min(1), email: z.email(), password: Password });

export const SignInBody = z.object({
  email: z.email(),
  password: z.string(),
  rememberMe: z.boolean().optional().describe("false: the cookie ends with the browser session"),
});

export const SignOutBody = z.object({});

export const RequestPasswordResetBody = z.object({
  email: z.email(),
  redirectTo: z.string().optional().describe("The app page the mailed link leads to (the web app sends /reset-password)"),
});

export const ResetPasswordBody = z.object({ newPassword: Password, token: z.string().describe("The token from the mailed link") });
