import type { EmployeeList } from "@bgm/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { summarize, withStatus } from "../attendance-summary";
import { participationKeys } from "./query-keys";
import type { AttendanceListResponse, SetAttendanceInput } from "./types";

const sessionPath = (sessionId: string) => `/api/participation-sessions/${encodeURIComponent(sessionId)}`;
const attendancePath = (sessionId: string) => `${sessionPath(sessionId)}/attendance`;

export type EmployeeCandidate = z.infer<typeof EmployeeList>["items"][number];

export function getAttendance(sessionId: string): Promise<AttendanceListResponse> {
  return apiRequest<AttendanceListResponse>(attendancePath(sessionId));
}

export function setAttendance(sessionId: string, employeeId: string, input: SetAttendanceInput): Promise<AttendanceListResponse> {
  return apiRequest<AttendanceListResponse>(`${attendancePath(sessionId)}/${encodeURIComponent(employeeId)}`, {
    method: "PUT",
    json: input,
  });
}

export function markAllAttended(sessionId: string): Promise<AttendanceListResponse> {
  return apiRequest<AttendanceListResponse>(`${attendancePath(sessionId)}/all-attended`, { method: "POST" });
}

export function addWalkIn(sessionId: string, employeeId: string): Promise<AttendanceListResponse> {
  return apiRequest<AttendanceListResponse>(`${sessionPath(sessionId)}/walk-ins`, { method: "POST", json: { employeeId } });
}

/** Active people of the employee register by name: the candidates for a walk-in. */
export async function searchEmployees(q: string): Promise<EmployeeCandidate[]> {
  const res = await apiRequest<z.infer<typeof EmployeeList>>("/api/employees", { query: { q, active: "true", limit: 10 } });
  return res.items;
}

export function useAttendance(sessionId: string) {
  return useQuery({ queryKey: participationKeys.attendance(sessionId), queryFn: () => getAttendance(sessionId) });
}

export function useWalkInCandidates(sessionId: string, q: string) {
  return useQuery({
    queryKey: participationKeys.walkInCandidates(sessionId, q),
    queryFn: () => searchEmployees(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

type Mark =
  | { kind: "one"; employeeId: string; status: SetAttendanceInput["status"] }
  | { kind: "all" }
  | { kind: "walk-in"; employeeId: string };

/**
 * Marks at the door show at once (optimistic, with the summary line recomputed); the server's answer then
 * replaces the list, and a refused mark puts the previous list back.
 */
export function useMarkAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  const key = participationKeys.attendance(sessionId);
  const mutationKey = [...key, "mark"];
  return useMutation({
    mutationKey,
    mutationFn: (mark: Mark) =>
      mark.kind === "one"
        ? setAttendance(sessionId, mark.employeeId, { status: mark.status })
        : mark.kind === "all"
          ? markAllAttended(sessionId)
          : addWalkIn(sessionId, mark.employeeId),
    onMutate: async (mark) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<AttendanceListResponse>(key);
      if (previous && mark.kind !== "walk-in") {
        const ids =
          mark.kind === "one"
            ? new Set([mark.employeeId])
            : new Set(previous.rows.filter((r) => r.status === "registered").map((r) => r.employeeId));
        const rows = withStatus(previous.rows, ids, mark.kind === "one" ? mark.status : "attended");
        queryClient.setQueryData<AttendanceListResponse>(key, { ...previous, rows, summary: summarize(rows) });
      }
      return { previous };
    },
    onError: (_error, _mark, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (list) => {
      // With taps still on their way, this answer is older than the screen: the last one settles it.
      if (queryClient.isMutating({ mutationKey }) === 1) queryClient.setQueryData(key, list);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: participationKeys.all, predicate: (q) => q.queryKey[1] !== "attendance" }),
  });
}
