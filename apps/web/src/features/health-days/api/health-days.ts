import type { HealthDayAction } from "@bgm/domain";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
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

export function getHealthDays(params: HealthDayListParams, cursor?: string): Promise<HealthDayListResponse> {
  return unwrap(api.GET("/api/health-days", { params: { query: { ...params, cursor } } }));
}

export function getHealthDay(id: string): Promise<HealthDayDetail> {
  return unwrap(api.GET("/api/health-days/{id}", { params: { path: { id } } }));
}

export function createHealthDay(input: CreateHealthDayInput): Promise<HealthDayDetail> {
  return unwrap(api.POST("/api/health-days", { body: input }));
}

export function updateHealthDay(id: string, input: UpdateHealthDayInput): Promise<HealthDayDetail> {
  return unwrap(api.PATCH("/api/health-days/{id}", { params: { path: { id } }, body: input }));
}

export function transitionHealthDay(id: string, action: HealthDayAction): Promise<HealthDayDetail> {
  return unwrap(api.POST("/api/health-days/{id}/transitions", { params: { path: { id } }, body: { action } }));
}

/** Adds a station; the API sends its provider a quote request at the same time. */
export function addModule(id: string, input: AddHealthDayModuleInput): Promise<HealthDayDetail> {
  return unwrap(api.POST("/api/health-days/{id}/modules", { params: { path: { id } }, body: input }));
}

/** All slots or none: a conflict is a 409 `slot_conflict` with `details.conflicts`. */
export function addSlots(id: string, moduleId: string, input: AddHealthDaySlotsInput): Promise<HealthDayDetail> {
  return unwrap(api.POST("/api/health-days/{id}/modules/{moduleId}/slots", { params: { path: { id, moduleId } }, body: input }));
}

/** The marketplace's suggestions for the checklist task "Gesundheitstag planen", with their reasons. */
export async function getCatalog(): Promise<SuggestionItem[]> {
  const res = await unwrap(api.GET("/api/marketplace/suggestions", { params: { query: { taskKey: "plan_health_day", limit: 20 } } }));
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
