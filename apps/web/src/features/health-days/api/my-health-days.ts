import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { participationKeys } from "../../participation";
import { healthDayKeys } from "./query-keys";
import type { MyHealthDayItem, MyHealthDayPlaceResponse } from "./types";

const registration = (dayId: string, slotId: string) => ({ params: { path: { id: dayId, slotId } } });

/** The health days open for registration, each slot with the caller's own place. */
export async function getOpenHealthDays(): Promise<MyHealthDayItem[]> {
  const res = await unwrap(api.GET("/api/me/health-days"));
  return res.items;
}

export function registerForSlot(dayId: string, slotId: string): Promise<MyHealthDayPlaceResponse> {
  return unwrap(api.POST("/api/me/health-days/{id}/slots/{slotId}/registration", registration(dayId, slotId)));
}

export function cancelSlot(dayId: string, slotId: string): Promise<MyHealthDayPlaceResponse> {
  return unwrap(api.DELETE("/api/me/health-days/{id}/slots/{slotId}/registration", registration(dayId, slotId)));
}

/**
 * A slot is a participation session (ADR 0014): its .ics comes from the generic route, for a place held.
 */
export function slotIcsUrl(slotId: string): string {
  return `/api/me/participation-sessions/${encodeURIComponent(slotId)}/calendar.ics`;
}

export function useOpenHealthDays() {
  return useQuery({ queryKey: healthDayKeys.open(), queryFn: getOpenHealthDays });
}

/**
 * Register or cancel in one click. Nothing optimistic: only the server knows whether a place or the waitlist
 * is left. The employee's history (participation) lists slots too, so it is refreshed as well.
 */
export function useSlotRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dayId, slotId, action }: { dayId: string; slotId: string; action: "register" | "cancel" }) =>
      action === "register" ? registerForSlot(dayId, slotId) : cancelSlot(dayId, slotId),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: healthDayKeys.all }),
        queryClient.invalidateQueries({ queryKey: participationKeys.history() }),
      ]),
  });
}
