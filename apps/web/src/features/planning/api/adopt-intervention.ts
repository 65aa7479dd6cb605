import { apiRequest } from "../../../lib/api-client";
import type { AdoptInterventionInput, PlannedInterventionItem } from "./types";
import { useInterventionMutation } from "./use-intervention-mutation";

export function adoptIntervention({ id, ...input }: AdoptInterventionInput): Promise<PlannedInterventionItem> {
  return apiRequest<PlannedInterventionItem>(`/api/planning/interventions/${encodeURIComponent(id)}/adopt`, {
    method: "POST",
    json: input,
  });
}

export function useAdoptIntervention() {
  return useInterventionMutation(adoptIntervention);
}
