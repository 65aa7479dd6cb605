import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function signOut(): Promise<unknown> {
  return apiRequest("/api/auth/sign-out", { method: "POST", json: {} });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    meta: { authForm: true },
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
