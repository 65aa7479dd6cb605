import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { engagementKeys } from "../../engagements";
import { dataSharingKeys } from "./query-keys";
import type { DataGrantItem, DataGrantOverviewResponse, DataRequestResponse, GrantRequestInput, GrantResultResponse } from "./types";

/** The CSV export in the UI language (column heads, categories, fields; times in Europe/Berlin). */
export const exportCsvUrl = (lang: "de" | "en") => `/api/data-grants/export.csv?lang=${lang}`;
export const EXPORT_PDF_URL = "/api/data-grants/export.pdf";

export function getDataRequest(engagementId: string): Promise<DataRequestResponse> {
  return unwrap(api.GET("/api/engagements/{id}/data-request", { params: { path: { id: engagementId } } }));
}

export function useDataRequest(engagementId: string, enabled = true) {
  return useQuery({ queryKey: dataSharingKeys.request(engagementId), queryFn: () => getDataRequest(engagementId), enabled });
}

export function grantScopes(engagementId: string, input: GrantRequestInput): Promise<GrantResultResponse> {
  return unwrap(api.POST("/api/engagements/{id}/grants", { params: { path: { id: engagementId } }, body: input }));
}

export function useGrantScopes(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantRequestInput) => grantScopes(engagementId, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataSharingKeys.grants() }),
        queryClient.invalidateQueries({ queryKey: engagementKeys.detail(engagementId) }),
      ]);
    },
  });
}

export function getDataGrants(): Promise<DataGrantOverviewResponse> {
  return unwrap(api.GET("/api/data-grants"));
}

export function useDataGrants() {
  return useQuery({ queryKey: dataSharingKeys.overview(), queryFn: getDataGrants });
}

export function revokeGrant(id: string): Promise<DataGrantItem> {
  return unwrap(api.POST("/api/data-grants/{id}/revoke", { params: { path: { id } } }));
}

export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSharingKeys.grants() }),
  });
}
