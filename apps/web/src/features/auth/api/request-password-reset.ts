import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { RequestPasswordResetInput } from "./types";

/** The mailed link leads to the app's reset page, which asks for the new password. */
export async function requestPasswordReset(email: string): Promise<void> {
  const body: RequestPasswordResetInput = { email, redirectTo: "/reset-password" };
  await apiRequest<unknown>("/api/auth/request-password-reset", { method: "POST", json: body });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset, meta: { authForm: true } });
}
