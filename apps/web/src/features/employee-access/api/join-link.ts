import type { JoinLinkState } from "@bgm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { employeeAccessKeys } from "./query-keys";

/** The manager's side: the company's join link, created, rotated and disabled. */
export function getJoinLink(): Promise<JoinLinkState> {
  return apiRequest<JoinLinkState>("/api/organization/join-link");
}

export function useJoinLink() {
  return useQuery({ queryKey: employeeAccessKeys.joinLink(), queryFn: getJoinLink });
}

/** Creates the link, or replaces the active one (the old link stops working at once). */
export function useCreateJoinLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<JoinLinkState>("/api/organization/join-link", { method: "POST" }),
    onSuccess: (state) => queryClient.setQueryData(employeeAccessKeys.joinLink(), state),
  });
}

export function useDisableJoinLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<JoinLinkState>("/api/organization/join-link", { method: "DELETE" }),
    onSuccess: (state) => queryClient.setQueryData(employeeAccessKeys.joinLink(), state),
  });
}
