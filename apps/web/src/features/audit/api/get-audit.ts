import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { AuditListResponse } from "../../../lib/api-types";
import { queryKeys } from "../../../lib/query-keys";

export interface AuditParams {
  entityType: string;
  /** The previous page's `nextCursor`; undefined = newest. */
  cursor: string | undefined;
  limit: number;
}

export function getAudit(params: AuditParams): Promise<AuditListResponse> {
  return apiRequest<AuditListResponse>("/api/audit", { query: { ...params } });
}

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: [...queryKeys.audit, params],
    queryFn: () => getAudit(params),
    placeholderData: keepPreviousData,
  });
}
