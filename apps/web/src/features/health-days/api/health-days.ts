import type { HealthDayAction } from "@bgm/domain";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { healthDayKeys } from "./query-keys";
import type {
  AddHealthDayModuleInput,
  AddHealthDaySlotsInput,
  CreateHealthDayInput,
  HealthDayDetail,
  HealthDayListParams,
  HealthDayListResponse,
  SuggestionItem,
  UpdateHealthDayInput,
} from "./types";

const base = "/api/health-days";
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function getHealthDays(params: HealthDayListParams, cursor?: string): Promise<HealthDayListResponse> {
  return apiRequest<HealthDayListResponse>(base, { query: { ...params, cursor } });
}

export function getHealthDay(id: string): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(one(id));
}

export function createHealthDay(input: CreateHealthDayInput): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(base, { method: "POST", json: input });
}

export function updateHealthDay(id: string, input: UpdateHealthDayInput): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(one(id), { method: "PATCH", json: input });
}

export function transitionHealthDay(id: string, action: HealthDayAction): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(`${one(id)}/transitions`, { method: "POST", json: { action } });
}

/** Adds a station; the API sends its provider a quote request at the same time. */
export function addModule(id: string, input: AddHealthDayModuleInput): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(`${one(id)}/modules`, { method: "POST", json: input });
}

/** All slots or none: a conflict is a 409 `slot_conflict` with `details.conflicts`. */
export function addSlots(id: string, moduleId: string, input: AddHealthDaySlotsInput): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(`${one(id)}/modules/${encodeURIComponent(moduleId)}/slots`, { method: "POST", json: input });
}

/** The marketplace's suggestions for the checklist task "Gesundheitstag planen", with their reasons. */
export async function getCatalog(): Promise<SuggestionItem[]> {
  const res = await apiRequest<{ items: SuggestionItem[] }>("/api/marketplace/suggestions", {
    query: { taskKey: "plan_health_day", limit: 20 },
  });
  return res.items;
}

export function useHealthDayList(params: HealthDayListParams) {
  return useInfiniteQuery({
    queryKey: healthDayKeys.list(params),
    queryFn: ({ pageParam }) => getHealthDays(params, pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
    placeholderData: keepPreviousData,
  });
}

export function useHealthDay(id: string) {
  return useQuery({ queryKey: healthDayKeys.detail(id), queryFn: () => getHealthDay(id) });
}

export function useHealthDayCatalog() {
  return useQuery({ queryKey: healthDayKeys.catalog(), queryFn: getCatalog });
}

/**
 * Every change answers with the whole day: keep it as the detail, then refresh the rest that shows the
 * same day (list, employee start pages).
 */
export function useHealthDayMutation<TInput>(mutationFn: (input: TInput) => Promise<HealthDayDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (day) => {
      queryClient.setQueryData(healthDayKeys.detail(day.id), day);
      await queryClient.invalidateQueries({
        queryKey: healthDayKeys.all,
        predicate: (q) => q.queryKey[1] !== "detail" || q.queryKey[2] !== day.id,
      });
    },
  });
}

export function useCreateHealthDay() {
  return useHealthDayMutation(createHealthDay);
}

export function useUpdateHealthDay(id: string) {
  return useHealthDayMutation((input: UpdateHealthDayInput) => updateHealthDay(id, input));
}

export function useTransitionHealthDay(id: string) {
  return useHealthDayMutation((action: HealthDayAction) => transitionHealthDay(id, action));
}

export function useAddModule(id: string) {
  return useHealthDayMutation((input: AddHealthDayModuleInput) => addModule(id, input));
}

export function useAddSlots(id: string) {
  return useHealthDayMutation(({ moduleId, input }: { moduleId: string; input: AddHealthDaySlotsInput }) => addSlots(id, moduleId, input));
}
