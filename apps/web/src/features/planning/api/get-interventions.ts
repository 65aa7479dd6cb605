import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { planningKeys } from "./query-keys";
import type { InterventionListResponse, PlannedInterventionItem } from "./types";

export async function getInterventions(): Promise<PlannedInterventionItem[]> {
  const res = await apiRequest<InterventionListResponse>("/api/planning/interventions");
  return res.items;
}

export function useInterventions() {
  return useQuery({ queryKey: planningKeys.interventions(), queryFn: getInterventions });
}
