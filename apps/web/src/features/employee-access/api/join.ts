import type { JoinInfo, SignedIn } from "@bgm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { authKeys, getMe } from "../../auth";
import { employeeAccessKeys } from "./query-keys";

/** The public side: the company behind a join link, asking for a sign-in link, redeeming it. */
export function useJoinInfo(token: string) {
  return useQuery({
    queryKey: employeeAccessKeys.joinInfo(token),
    queryFn: () => apiRequest<JoinInfo>(`/api/join/${encodeURIComponent(token)}`),
  });
}

export function useRequestSignInLink(token: string) {
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest<{ ok: true }>(`/api/join/${encodeURIComponent(token)}/sign-in-link`, { method: "POST", json: { email } }),
    // A refusal here is about the link or the limit, never a session that ended.
    meta: { authForm: true },
  });
}

export function useCompleteSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiRequest<SignedIn>("/api/join/sign-in", { method: "POST", json: { token } }),
    meta: { authForm: true },
    // A new session, perhaps of another person or company: drop everything cached for the previous one.
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: authKeys.me(), queryFn: getMe });
    },
  });
}
