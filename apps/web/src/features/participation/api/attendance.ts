import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { summarize, withStatus } from "../attendance-summary";
import { participationKeys } from "./query-keys";
import type { AddWalkInInput, AttendanceListResponse, SetAttendanceInput } from "./types";

export function getAttendance(sessionId: string): Promise<AttendanceListResponse> {
  return unwrap(api.GET("/api/participation-sessions/{id}/attendance", { params: { path: { id: sessionId } } }));
}

export function setAttendance(sessionId: string, employeeId: string, input: SetAttendanceInput): Promise<AttendanceListResponse> {
  return unwrap(
    api.PUT("/api/participation-sessions/{id}/attendance/{employeeId}", { params: { path: { id: sessionId, employeeId } }, body: input }),
  );
}

export function markAllAttended(sessionId: string): Promise<AttendanceListResponse> {
  return unwrap(api.POST("/api/participation-sessions/{id}/attendance/all-attended", { params: { path: { id: sessionId } } }));
}

/** Someone from the employee register who came without a place: recorded as attended, marked as walk-in. */
export function addWalkIn(sessionId: string, input: AddWalkInInput): Promise<AttendanceListResponse> {
  return unwrap(api.POST("/api/participation-sessions/{id}/walk-ins", { params: { path: { id: sessionId } }, body: input }));
}

/** Takes out a walk-in added by mistake (409 `not_a_walk_in` for anyone else). */
export function removeWalkIn(sessionId: string, employeeId: string): Promise<AttendanceListResponse> {
  return unwrap(api.DELETE("/api/participation-sessions/{id}/walk-ins/{employeeId}", { params: { path: { id: sessionId, employeeId } } }));
}

export function useAttendance(sessionId: string) {
  return useQuery({ queryKey: participationKeys.attendance(sessionId), queryFn: () => getAttendance(sessionId) });
}

type Mark =
  | { kind: "one"; employeeId: string; status: SetAttendanceInput["status"] }
  | { kind: "all" }
  | { kind: "walk-in"; employeeId: string }
  | { kind: "remove-walk-in"; employeeId: string };

/**
 * Marks at the door show at once (optimistic, with the summary line recomputed); the server's answer then
 * replaces the list, and a refused mark puts the previous list back. Walk-ins (added or taken out) wait for
 * the answer: the server decides what the row becomes (a freed place may go to the waitlist). They share the
 * mutation key with the marks, so whichever answer comes last settles the list.
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
          : mark.kind === "walk-in"
            ? addWalkIn(sessionId, { employeeId: mark.employeeId })
            : removeWalkIn(sessionId, mark.employeeId),
    onMutate: async (mark) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<AttendanceListResponse>(key);
      if (previous && (mark.kind === "one" || mark.kind === "all")) {
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
    // The list itself comes from the answers above; the counts elsewhere (detail, list, reports) are refetched.
    onSettled: () => queryClient.invalidateQueries({ queryKey: participationKeys.all, predicate: (q) => q.queryKey[1] !== "attendance" }),
  });
}
