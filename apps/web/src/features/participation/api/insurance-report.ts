import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { type ApiFile, apiFile, apiRequest } from "../../../lib/api-client";
import { participationKeys } from "./query-keys";
import type { InsuranceReportFileFormat, InsuranceReportPeriod, InsuranceReportResponse } from "./types";

/** The insurer report (§20b SGB V) for a period, as JSON for the page: aggregates only, small groups withheld. */
export function getInsuranceReport(period: InsuranceReportPeriod): Promise<InsuranceReportResponse> {
  return apiRequest<InsuranceReportResponse>("/api/participation/insurance-report", { query: { ...period } });
}

/**
 * The same report as the file the insurer gets (PDF, CSV for German Excel, XLSX). The server names the file
 * and writes the download to the audit log.
 */
export function getInsuranceReportFile(input: { format: InsuranceReportFileFormat } & InsuranceReportPeriod): Promise<ApiFile> {
  return apiFile("/api/participation/insurance-report/export", {
    query: { format: input.format, from: input.from, to: input.to },
    fallbackName: `kassenbericht-${input.from}-${input.to}.${input.format}`,
  });
}

export function useInsuranceReport(period: InsuranceReportPeriod, enabled = true) {
  return useQuery({
    queryKey: participationKeys.insuranceReport(period),
    queryFn: () => getInsuranceReport(period),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A download changes nothing the app shows (the audit entry is read elsewhere), so nothing is refreshed. */
export function useInsuranceReportFile() {
  return useMutation({ mutationFn: getInsuranceReportFile });
}
