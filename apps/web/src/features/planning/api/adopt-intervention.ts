import { apiRequest } from "../../../lib/api-client";
import type { PlannedInterventionItem } from "./get-interventions";
import { useInterventionMutation } from "./use-intervention-mutation";

export interface AdoptInterventionInput {
  id: string;
  goalId: string | null;
}

export function adoptIntervention({ id, goalId }: AdoptInterventionInput): Promise<PlannedInterventionItem> {
  return apiRequest<PlannedInterventionItem>(`/api/planning/interventions/${encodeURIComponent(id)}/adopt`, {
    method: "POST",
    json: { goalId },
  });
}

export function useAdoptIntervention() {
  return useInterventionMutation(adoptIntervention);
}
