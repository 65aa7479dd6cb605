import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";

/** Query keys of the panel; the marketplace's own keys are left alone. */
export const proactiveKeys = {
  all: ["proactive-suggestions"] as const,
  list: () => [...proactiveKeys.all, "list"] as const,
  digest: () => [...proactiveKeys.all, "digest"] as const,
};

export async function getProactiveSuggestions() {
  // The whole list always answers `nextCursor: null` (openapi-fetch drops a property typed exactly null).
  return { ...(await unwrap(api.GET("/api/proactive-suggestions"))), nextCursor: null };
}
export type ProactiveSuggestionItem = Awaited<ReturnType<typeof getProactiveSuggestions>>["items"][number];

export function useProactiveSuggestions() {
  return useQuery({ queryKey: proactiveKeys.list(), queryFn: getProactiveSuggestions });
}

export function useDismissSuggestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/proactive-suggestions/{id}/dismiss", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proactiveKeys.list() }),
  });
}

export function useDigestSetting() {
  return useQuery({ queryKey: proactiveKeys.digest(), queryFn: () => unwrap(api.GET("/api/proactive-suggestions/digest")) });
}

export function useSetDigest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => unwrap(api.PUT("/api/proactive-suggestions/digest", { body: { enabled } })),
    onSuccess: (data) => queryClient.setQueryData(proactiveKeys.digest(), data),
  });
}
