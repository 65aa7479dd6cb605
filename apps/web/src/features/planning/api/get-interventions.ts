import type { PlannedIntervention } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";

export type PlannedInterventionItem = z.infer<typeof PlannedIntervention>;

export const planningKeys = {
  interventions: ["planning", "interventions"] as const,
};

export async function getInterventions(): Promise<PlannedInterventionItem[]> {
  const res = await apiRequest<{ items: PlannedInterventionItem[] }>("/api/planning/interventions");
  return res.items;
}

export function useInterventions() {
  return useQuery({ queryKey: planningKeys.interventions, queryFn: getInterventions });
}
