import { apiRequest } from "../../../lib/api-client";
import { useInterventionMutation } from "./interventions";
import type { CreateSessionsInput, InterventionDetail, UpdateSessionInput } from "./types";

const sessionPath = (id: string) => `/api/participation-sessions/${encodeURIComponent(id)}`;

/** One session or a weekly series (`repeat`) in one request. */
export function createSessions(interventionId: string, input: CreateSessionsInput): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(`/api/interventions/${encodeURIComponent(interventionId)}/sessions`, {
    method: "POST",
    json: input,
  });
}

export function updateSession(sessionId: string, input: UpdateSessionInput): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(sessionPath(sessionId), { method: "PATCH", json: input });
}

export function cancelSession(sessionId: string): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(`${sessionPath(sessionId)}/cancel`, { method: "POST" });
}

/** Takes a cancelled session that still lies ahead up again: places come back, people are told. */
export function reopenSession(sessionId: string): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(`${sessionPath(sessionId)}/reopen`, { method: "POST" });
}

export function useCreateSessions(interventionId: string) {
  return useInterventionMutation((input: CreateSessionsInput) => createSessions(interventionId, input));
}

export function useUpdateSession() {
  return useInterventionMutation(({ sessionId, input }: { sessionId: string; input: UpdateSessionInput }) =>
    updateSession(sessionId, input),
  );
}

export function useCancelSession() {
  return useInterventionMutation(cancelSession);
}

export function useReopenSession() {
  return useInterventionMutation(reopenSession);
}
