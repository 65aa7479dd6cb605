import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { healthDayKeys } from "./query-keys";

/** A station the signed-in employee attended whose anonymous feedback is open (GET /api/me/health-days/feedback). */
export interface MyFeedbackItem {
  healthDayId: string;
  healthDayTitle: string;
  startsOn: string;
  moduleId: string;
  stationTitle: string;
  answered: boolean;
  openUntil: string;
}

export const feedbackKey = () => [...healthDayKeys.all, "my-feedback"] as const;

export async function getMyFeedback(): Promise<MyFeedbackItem[]> {
  return (await apiRequest<{ items: MyFeedbackItem[] }>("/api/me/health-days/feedback")).items;
}

export function useMyFeedback() {
  return useQuery({ queryKey: feedbackKey(), queryFn: getMyFeedback });
}

export function useGiveFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { dayId: string; moduleId: string; rating: number; comment: string }) =>
      apiRequest<{ answered: true }>(
        `/api/me/health-days/${encodeURIComponent(v.dayId)}/modules/${encodeURIComponent(v.moduleId)}/feedback`,
        { method: "POST", json: { rating: v.rating, comment: v.comment.trim() || null } },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: feedbackKey() }),
  });
}

/** The consolidated report of a full-service day (the company's own report: api/report.ts). */
export const consolidatedReportPdfUrl = (dayId: string) => `/api/health-days/${encodeURIComponent(dayId)}/consolidated-report.pdf`;
export const plannerReportPdfUrl = (engagementId: string) => `/api/planner/health-days/${encodeURIComponent(engagementId)}/report.pdf`;
