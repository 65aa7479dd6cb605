import type {
  EngagementList,
  ModuleApprovalDecision,
  OfferingList,
  PlannerHealthDay,
  PlannerHealthDayList,
  SetHealthDayPlanner,
} from "@bgm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { useHealthDayMutation } from "./health-days";
import { healthDayKeys } from "./query-keys";
import type { AddHealthDayModuleInput, AddHealthDaySlotsInput, HealthDayDetail } from "./types";

/** Full-service mode (ADR 0015): what the planner's routes answer, from the domain contracts. */
export type PlannerDayDetail = PlannerHealthDay;
export type PlannerModuleItem = PlannerDayDetail["modules"][number];
export type PlannerDaySummaryItem = z.infer<typeof PlannerHealthDayList>["items"][number];
export type SetPlannerInput = z.input<typeof SetHealthDayPlanner>;
export type ModuleDecisionInput = z.input<typeof ModuleApprovalDecision>;
export type EngagementSummaryItem = z.infer<typeof EngagementList>["items"][number];
export type OfferingItem = z.infer<typeof OfferingList>["items"][number];

/** Planner queries sit under the health days' `all`, so whatever refreshes a day refreshes them too. */
export const plannerKeys = {
  all: [...healthDayKeys.all, "planner"] as const,
  list: () => [...plannerKeys.all, "list"] as const,
  detail: (engagementId: string) => [...plannerKeys.all, "detail", engagementId] as const,
  catalog: () => [...plannerKeys.all, "catalog"] as const,
  bookings: () => [...plannerKeys.all, "bookings"] as const,
};

const day = (id: string) => `/api/health-days/${encodeURIComponent(id)}`;
const planned = (engagementId: string) => `/api/planner/health-days/${encodeURIComponent(engagementId)}`;

// --- the company's side -------------------------------------------------------------------------------

export function setPlanner(dayId: string, input: SetPlannerInput): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(`${day(dayId)}/planner`, { method: "PUT", json: input });
}

export function decideModule(dayId: string, moduleId: string, input: ModuleDecisionInput): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(`${day(dayId)}/modules/${encodeURIComponent(moduleId)}/approval`, { method: "POST", json: input });
}

export function approvePlan(dayId: string): Promise<HealthDayDetail> {
  return apiRequest<HealthDayDetail>(`${day(dayId)}/plan-approval`, { method: "POST" });
}

/**
 * The company's running bookings (accepted or in progress) and the published full-service offerings; the
 * engagement list does not carry the offering's category, so the two are matched by offering (see planner-view).
 */
export async function getFullServiceCandidates(): Promise<{ engagements: EngagementSummaryItem[]; offeringIds: string[] }> {
  const [accepted, running, offerings] = await Promise.all([
    apiRequest<z.infer<typeof EngagementList>>("/api/engagements", { query: { status: "accepted", limit: 100 } }),
    apiRequest<z.infer<typeof EngagementList>>("/api/engagements", { query: { status: "in_progress", limit: 100 } }),
    apiRequest<z.infer<typeof OfferingList>>("/api/marketplace/offerings", { query: { category: "full_service_health_day", limit: 100 } }),
  ]);
  return { engagements: [...accepted.items, ...running.items], offeringIds: offerings.items.map((o) => o.id) };
}

export function useFullServiceCandidates(enabled: boolean) {
  return useQuery({ queryKey: plannerKeys.bookings(), queryFn: getFullServiceCandidates, enabled });
}

export function useSetPlanner(dayId: string) {
  return useHealthDayMutation((input: SetPlannerInput) => setPlanner(dayId, input));
}

export function useDecideModule(dayId: string) {
  return useHealthDayMutation(({ moduleId, input }: { moduleId: string; input: ModuleDecisionInput }) =>
    decideModule(dayId, moduleId, input),
  );
}

export function useApprovePlan(dayId: string) {
  return useHealthDayMutation(() => approvePlan(dayId));
}

// --- the planner's portal ------------------------------------------------------------------------------

export async function getPlannedDays(): Promise<PlannerDaySummaryItem[]> {
  const res = await apiRequest<z.infer<typeof PlannerHealthDayList>>("/api/planner/health-days");
  return res.items;
}

export function getPlannedDay(engagementId: string): Promise<PlannerDayDetail> {
  return apiRequest<PlannerDayDetail>(planned(engagementId));
}

export function plannerAddModule(engagementId: string, input: AddHealthDayModuleInput): Promise<PlannerDayDetail> {
  return apiRequest<PlannerDayDetail>(`${planned(engagementId)}/modules`, { method: "POST", json: input });
}

export function plannerAddSlots(engagementId: string, moduleId: string, input: AddHealthDaySlotsInput): Promise<PlannerDayDetail> {
  return apiRequest<PlannerDayDetail>(`${planned(engagementId)}/modules/${encodeURIComponent(moduleId)}/slots`, {
    method: "POST",
    json: input,
  });
}

/** Published on-site and health-day offerings from the marketplace's discovery (the planner has no checklist). */
export async function getPlannerCatalog(): Promise<OfferingItem[]> {
  const [modules, onSite] = await Promise.all([
    apiRequest<z.infer<typeof OfferingList>>("/api/marketplace/offerings", { query: { category: "health_day_module", limit: 100 } }),
    apiRequest<z.infer<typeof OfferingList>>("/api/marketplace/offerings", { query: { deliveryMode: "on_site", limit: 100 } }),
  ]);
  const seen = new Set<string>();
  return [...modules.items, ...onSite.items].filter((o) => !seen.has(o.id) && seen.add(o.id));
}

export function usePlannedDays() {
  return useQuery({ queryKey: plannerKeys.list(), queryFn: getPlannedDays });
}

export function usePlannedDay(engagementId: string) {
  return useQuery({ queryKey: plannerKeys.detail(engagementId), queryFn: () => getPlannedDay(engagementId) });
}

export function usePlannerCatalog() {
  return useQuery({ queryKey: plannerKeys.catalog(), queryFn: getPlannerCatalog });
}

/** Each planner change answers with the whole (nameless) day: keep it, then refresh the list. */
function usePlannerMutation<TInput>(engagementId: string, mutationFn: (input: TInput) => Promise<PlannerDayDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (d) => {
      queryClient.setQueryData(plannerKeys.detail(engagementId), d);
      await queryClient.invalidateQueries({ queryKey: plannerKeys.list() });
    },
  });
}

export function usePlannerAddModule(engagementId: string) {
  return usePlannerMutation(engagementId, (input: AddHealthDayModuleInput) => plannerAddModule(engagementId, input));
}

export function usePlannerAddSlots(engagementId: string) {
  return usePlannerMutation(engagementId, ({ moduleId, input }: { moduleId: string; input: AddHealthDaySlotsInput }) =>
    plannerAddSlots(engagementId, moduleId, input),
  );
}
