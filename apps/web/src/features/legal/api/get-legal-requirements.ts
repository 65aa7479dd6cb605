import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { legalKeys } from "./query-keys";
import type { LegalRequirement, LegalRequirementListResponse } from "./types";

/** A bounded list: the API answers it whole (`nextCursor` is always null). */
export async function getLegalRequirements(): Promise<LegalRequirement[]> {
  return (await apiRequest<LegalRequirementListResponse>("/api/legal-requirements")).items;
}

export function useLegalRequirements() {
  return useQuery({ queryKey: legalKeys.list(), queryFn: getLegalRequirements });
}
