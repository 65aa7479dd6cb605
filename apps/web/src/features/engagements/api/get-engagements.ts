import type { EngagementList } from "@bgm/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { engagementKeys } from "./query-keys";

export interface EngagementFilters {
  status: string;
  phase: string;
}

export function getEngagements(filters: EngagementFilters): Promise<z.infer<typeof EngagementList>> {
  return apiRequest("/api/engagements", { query: { ...filters } });
}

export function useEngagements(filters: EngagementFilters) {
  return useQuery({
    queryKey: engagementKeys.list(filters),
    queryFn: () => getEngagements(filters),
    placeholderData: keepPreviousData,
  });
}
