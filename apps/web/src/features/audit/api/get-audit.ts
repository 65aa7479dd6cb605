import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { auditKeys } from "./query-keys";
import type { AuditListResponse, AuditParams } from "./types";

export function getAudit(params: AuditParams): Promise<AuditListResponse> {
  return apiRequest<AuditListResponse>("/api/audit", { query: { ...params } });
}

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => getAudit(params),
    placeholderData: keepPreviousData,
  });
}
