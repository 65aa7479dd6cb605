/**
 * The better-auth endpoints have no schema in @bgm/domain: the API documents their bodies in
 * apps/api/src/plugins/auth-openapi.ts (not importable here). These are the bodies as sent; the answers
 * are not read (the session cookie is what counts, then `GET /api/me`), so the fetchers return nothing.
 */
export interface SignInInput {
  email: string;
  password: string;
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export interface ResetPasswordInput {
  newPassword: string;
  token: string;
}
