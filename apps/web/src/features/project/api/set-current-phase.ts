import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { Project, SetCurrentPhaseInput } from "./types";

export function setCurrentPhase(phase: number): Promise<Project> {
  const body: SetCurrentPhaseInput = { phase };
  return apiRequest<Project>("/api/project/current-phase", { method: "PUT", json: body });
}

export function useSetCurrentPhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCurrentPhase,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
