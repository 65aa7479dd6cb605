import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { legalKeys } from "./query-keys";
import type { LegalRequirement } from "./types";

export function getLegalRequirement(key: string): Promise<LegalRequirement> {
  return apiRequest<LegalRequirement>(`/api/legal-requirements/${encodeURIComponent(key)}`);
}

export function useLegalRequirement(key: string) {
  return useQuery({ queryKey: legalKeys.detail(key), queryFn: () => getLegalRequirement(key) });
}
