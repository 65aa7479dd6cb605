import type { RequestPasswordResetBody, ResetPasswordBody, SignInBody, SignOutBody, SignUpBody } from "@bgm/domain";
import type { z } from "zod";

/**
 * The bodies of the better-auth routes, from their schemas in @bgm/domain. The answers are not read (the
 * session cookie is what counts, then `GET /api/me`), so the fetchers return nothing.
 */
export type SignInInput = z.input<typeof SignInBody>;
export type SignUpInput = z.input<typeof SignUpBody>;
export type SignOutInput = z.input<typeof SignOutBody>;
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetBody>;
export type ResetPasswordInput = z.input<typeof ResetPasswordBody>;
