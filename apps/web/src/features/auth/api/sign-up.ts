import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";
import { getMe } from "./get-me";

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export function signUp(input: SignUpInput): Promise<unknown> {
  return apiRequest("/api/auth/sign-up/email", { method: "POST", json: input });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    meta: { authForm: true },
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: getMe });
    },
  });
}
