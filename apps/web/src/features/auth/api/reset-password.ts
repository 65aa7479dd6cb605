import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { ResetPasswordInput } from "./types";

export async function resetPassword(input: ResetPasswordInput): Promise<void> {
  await apiRequest<unknown>("/api/auth/reset-password", { method: "POST", json: input });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword, meta: { authForm: true } });
}
