import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { authKeys } from "./query-keys";
import type { SignOutInput } from "./types";

export async function signOut(): Promise<void> {
  const body: SignOutInput = {};
  await apiRequest<unknown>("/api/auth/sign-out", { method: "POST", json: body });
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
