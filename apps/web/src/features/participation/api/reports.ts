import type { AttendanceReport, AttendanceReportQuery, PartnerParticipation, PeopleReport, PeopleReportQuery } from "@bgm/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { participationKeys } from "./query-keys";

export type PeopleReportParams = z.input<typeof PeopleReportQuery>;
export type AttendanceReportParams = z.input<typeof AttendanceReportQuery>;

/** Distinct people who took part in the period, grouped one way (aggregates only, small groups withheld). */
export function getPeopleReport(params: PeopleReportParams): Promise<PeopleReport> {
  return apiRequest<PeopleReport>("/api/participation/reports/people", { query: { ...params } });
}

/** Places attended and registered per month or quarter. */
export function getAttendanceReport(params: AttendanceReportParams): Promise<AttendanceReport> {
  return apiRequest<AttendanceReport>("/api/participation/reports/attendance", { query: { ...params } });
}

/** What the partner of an engagement sees: three numbers per session and intervention, nothing about a person. */
export function getPartnerParticipation(engagementId: string): Promise<PartnerParticipation> {
  return apiRequest<PartnerParticipation>(`/api/partner/engagements/${encodeURIComponent(engagementId)}/participation`);
}

export function usePeopleReport(params: PeopleReportParams, enabled = true) {
  return useQuery({
    queryKey: participationKeys.reports({ kind: "people", ...params }),
    queryFn: () => getPeopleReport(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAttendanceReport(params: AttendanceReportParams, enabled = true) {
  return useQuery({
    queryKey: participationKeys.reports({ kind: "attendance", ...params }),
    queryFn: () => getAttendanceReport(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartnerParticipation(engagementId: string) {
  return useQuery({ queryKey: participationKeys.engagement(engagementId), queryFn: () => getPartnerParticipation(engagementId) });
}
