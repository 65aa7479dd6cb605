import type { LegalRequirement, LegalRequirementList } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

/** A bounded list: the API answers it whole (`nextCursor` is always null). */
export async function getLegalRequirements(): Promise<LegalRequirement[]> {
  return (await apiRequest<z.infer<typeof LegalRequirementList>>("/api/legal-requirements")).items;
}

export function useLegalRequirements() {
  return useQuery({ queryKey: queryKeys.legal, queryFn: getLegalRequirements });
}
