import { apiRequest } from "../../../lib/api-client";
import type { PlannedInterventionItem } from "./types";
import { useInterventionMutation } from "./use-intervention-mutation";

export function dismissIntervention(id: string): Promise<PlannedInterventionItem> {
  return apiRequest<PlannedInterventionItem>(`/api/planning/interventions/${encodeURIComponent(id)}/dismiss`, { method: "POST" });
}

export function useDismissIntervention() {
  return useInterventionMutation(dismissIntervention);
}
