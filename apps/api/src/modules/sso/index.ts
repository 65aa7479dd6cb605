import type { Database } from "@bgm/db";
import { passwordSignInDisabled } from "./sso.service.js";

export { ssoRoutes } from "./sso.routes.js";

/** For better-auth's password sign-in (lib/auth.ts): refused for the domains a company switched it off for. */
export function passwordSignInGuard(db: Database) {
  return (email: string) => passwordSignInDisabled(db, email);
}
