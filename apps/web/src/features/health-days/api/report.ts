import type { HealthDayReport } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { healthDayKeys } from "./query-keys";

/** The post-event report's figures (counts only, no names), as JSON for the page. */
export function getHealthDayReport(id: string): Promise<HealthDayReport> {
  return apiRequest<HealthDayReport>(`/api/health-days/${encodeURIComponent(id)}/report`);
}

/** The same report as a PDF; a plain link, so the browser downloads it with the session cookie. */
export function healthDayReportPdfUrl(id: string): string {
  return `/api/health-days/${encodeURIComponent(id)}/report.pdf`;
}

export function useHealthDayReport(id: string) {
  return useQuery({ queryKey: [...healthDayKeys.detail(id), "report"], queryFn: () => getHealthDayReport(id) });
}
