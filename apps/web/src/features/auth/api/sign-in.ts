import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";
import { getMe } from "./get-me";

export interface SignInInput {
  email: string;
  password: string;
}

export function signIn(input: SignInInput): Promise<unknown> {
  return apiRequest("/api/auth/sign-in/email", { method: "POST", json: input });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    meta: { authForm: true },
    // A new session may belong to another tenant: drop everything cached for the previous one.
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: getMe });
    },
  });
}
