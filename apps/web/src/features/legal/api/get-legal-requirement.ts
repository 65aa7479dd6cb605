import type { LegalRequirement } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getLegalRequirement(key: string): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}`);
}

export function useLegalRequirement(key: string) {
  return useQuery({ queryKey: queryKeys.legalOne(key), queryFn: () => getLegalRequirement(key) });
}
