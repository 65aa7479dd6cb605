import type { LegalRequirement } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getLegalRequirements(): Promise<LegalRequirement[]> {
  return apiRequest<LegalRequirement[]>("/api/legal-requirements");
}

export function useLegalRequirements() {
  return useQuery({ queryKey: queryKeys.legal, queryFn: getLegalRequirements });
}
