import { apiRequest } from "../../../lib/api-client";
import type { SignInInput } from "./types";

/**
 * A plain fetcher, not a TanStack mutation: the sign-in form also runs in the sign-in shell, before the
 * query client exists (app/sign-in-shell.tsx). What follows a sign-in (dropping the previous tenant's cache,
 * reading the new session) is the caller's `onSignedIn`.
 */
export async function signIn(input: SignInInput): Promise<void> {
  await apiRequest<unknown>("/api/auth/sign-in/email", { method: "POST", json: input });
}
