import type { EmployeeList, HealthDayInvitationRequest, HealthDayInvitationResult } from "@bgm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { healthDayKeys } from "./query-keys";

export type InvitationAudience = z.input<typeof HealthDayInvitationRequest>["audience"];
export type InvitationResult = z.infer<typeof HealthDayInvitationResult>;
export type AudienceGroups = Pick<z.infer<typeof EmployeeList>, "departments" | "locations" | "total">;

const one = (id: string) => `/api/health-days/${encodeURIComponent(id)}`;

/** Mails the invitation to everyone active in the register, or to some departments and/or locations. */
export function inviteToHealthDay(id: string, audience: InvitationAudience): Promise<InvitationResult> {
  return apiRequest<InvitationResult>(`${one(id)}/invitations`, { method: "POST", json: { audience } });
}

/**
 * The register's departments and work locations with their active head counts, to choose an audience.
 * The employee list answers both facets whatever page is asked for, so one row is enough.
 */
export async function getAudienceGroups(): Promise<AudienceGroups> {
  const list = await apiRequest<z.infer<typeof EmployeeList>>("/api/employees", { query: { limit: 1 } });
  return { departments: list.departments, locations: list.locations, total: list.total };
}

export function useAudienceGroups() {
  return useQuery({ queryKey: [...healthDayKeys.all, "audience-groups"], queryFn: getAudienceGroups });
}

export function useInviteToHealthDay(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (audience: InvitationAudience) => inviteToHealthDay(id, audience),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthDayKeys.detail(id) }),
  });
}
