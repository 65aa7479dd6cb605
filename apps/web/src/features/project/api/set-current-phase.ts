import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function setCurrentPhase(phase: number): Promise<unknown> {
  return apiRequest("/api/project/current-phase", { method: "PUT", json: { phase } });
}

export function useSetCurrentPhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCurrentPhase,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project }),
  });
}
