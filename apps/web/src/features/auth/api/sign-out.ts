import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { authKeys } from "./query-keys";

export async function signOut(): Promise<void> {
  await apiRequest<unknown>("/api/auth/sign-out", { method: "POST", json: {} });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    meta: { authForm: true },
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
