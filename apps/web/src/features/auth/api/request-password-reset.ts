import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

export async function requestPasswordReset(email: string): Promise<void> {
  await apiRequest<unknown>("/api/auth/request-password-reset", {
    method: "POST",
    json: { email, redirectTo: "/reset-password" },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset, meta: { authForm: true } });
}
