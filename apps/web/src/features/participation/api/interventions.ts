import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { participationKeys } from "./query-keys";
import type { CreateInterventionInput, InterventionDetail, InterventionListResponse, UpdateInterventionInput } from "./types";

const base = "/api/interventions";
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export interface InterventionFilters {
  status?: "open" | "closed" | "cancelled";
}

export function getInterventions(filters: InterventionFilters, cursor?: string): Promise<InterventionListResponse> {
  return apiRequest<InterventionListResponse>(base, { query: { ...filters, cursor } });
}

export function getIntervention(id: string): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(one(id));
}

export function createIntervention(input: CreateInterventionInput): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(base, { method: "POST", json: input });
}

export function updateIntervention(id: string, input: UpdateInterventionInput): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(one(id), { method: "PATCH", json: input });
}

export type InterventionStatusAction = "close" | "reopen" | "cancel";

export function changeInterventionStatus(id: string, action: InterventionStatusAction): Promise<InterventionDetail> {
  return apiRequest<InterventionDetail>(`${one(id)}/${action}`, { method: "POST" });
}

export function useInterventionList(filters: InterventionFilters) {
  return useInfiniteQuery({
    queryKey: participationKeys.list({ ...filters }),
    queryFn: ({ pageParam }) => getInterventions(filters, pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
    placeholderData: keepPreviousData,
  });
}

export function useIntervention(id: string) {
  return useQuery({ queryKey: participationKeys.detail(id), queryFn: () => getIntervention(id) });
}

/**
 * Every change to an intervention or its sessions answers with the whole intervention: keep it as the
 * detail, then refresh everything else that shows its sessions (list, start pages, attendance lists).
 */
export function useInterventionMutation<TInput>(mutationFn: (input: TInput) => Promise<InterventionDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (intervention) => {
      queryClient.setQueryData(participationKeys.detail(intervention.id), intervention);
      await queryClient.invalidateQueries({
        queryKey: participationKeys.all,
        predicate: (q) => !(q.queryKey[2] === "detail" && q.queryKey[3] === intervention.id),
      });
    },
  });
}

export function useCreateIntervention() {
  return useInterventionMutation(createIntervention);
}

export function useUpdateIntervention(id: string) {
  return useInterventionMutation((input: UpdateInterventionInput) => updateIntervention(id, input));
}

export function useChangeInterventionStatus(id: string) {
  return useInterventionMutation((action: InterventionStatusAction) => changeInterventionStatus(id, action));
}
