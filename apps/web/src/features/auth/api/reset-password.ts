import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

export interface ResetPasswordInput {
  newPassword: string;
  token: string;
}

export function resetPassword(input: ResetPasswordInput): Promise<unknown> {
  return apiRequest("/api/auth/reset-password", { method: "POST", json: input });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword, meta: { authForm: true } });
}
