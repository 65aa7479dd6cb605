import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { getMe } from "./get-me";
import { authKeys } from "./query-keys";
import type { SignUpInput } from "./types";

export async function signUp(input: SignUpInput): Promise<void> {
  await apiRequest<unknown>("/api/auth/sign-up/email", { method: "POST", json: input });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    meta: { authForm: true },
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: authKeys.me(), queryFn: getMe });
    },
  });
}
