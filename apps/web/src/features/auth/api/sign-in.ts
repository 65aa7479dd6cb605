import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { getMe } from "./get-me";
import { authKeys } from "./query-keys";
import type { SignInInput } from "./types";

export async function signIn(input: SignInInput): Promise<void> {
  await apiRequest<unknown>("/api/auth/sign-in/email", { method: "POST", json: input });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    meta: { authForm: true },
    // A new session may belong to another tenant: drop everything cached for the previous one.
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: authKeys.me(), queryFn: getMe });
    },
  });
}
