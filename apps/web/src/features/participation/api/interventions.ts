import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { participationKeys } from "./query-keys";
import type { CreateInterventionInput, InterventionDetail, InterventionListResponse, UpdateInterventionInput } from "./types";

export interface InterventionFilters {
  status?: "open" | "closed" | "cancelled";
}

export function getInterventions(filters: InterventionFilters, cursor?: string): Promise<InterventionListResponse> {
  return unwrap(api.GET("/api/interventions", { params: { query: { ...filters, cursor } } }));
}

export function getIntervention(id: string): Promise<InterventionDetail> {
  return unwrap(api.GET("/api/interventions/{id}", { params: { path: { id } } }));
}

export function createIntervention(input: CreateInterventionInput): Promise<InterventionDetail> {
  return unwrap(api.POST("/api/interventions", { body: input }));
}

export function updateIntervention(id: string, input: UpdateInterventionInput): Promise<InterventionDetail> {
  return unwrap(api.PATCH("/api/interventions/{id}", { params: { path: { id } }, body: input }));
}

export type InterventionStatusAction = "close" | "reopen" | "cancel";

export function changeInterventionStatus(id: string, action: InterventionStatusAction): Promise<InterventionDetail> {
  return unwrap(api.POST(`/api/interventions/{id}/${action}`, { params: { path: { id } } }));
}

export function useInterventionList(filters: InterventionFilters) {
  return useInfiniteQuery({
    queryKey: participationKeys.list(filters),
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
        // The detail was just stored from the answer; everything else that shows these sessions is refetched.
        predicate: (q) => q.queryKey[1] !== "detail" || q.queryKey[2] !== intervention.id,
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
