import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { forgetTenantData } from "../../auth";
import type { OkResponse, SetActiveOrganizationInput } from "./types";

export function setActiveOrganization(organizationId: string): Promise<OkResponse> {
  const body: SetActiveOrganizationInput = { organizationId };
  return apiRequest<OkResponse>("/api/me/active-organization", { method: "POST", json: body });
}

export function useSetActiveOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setActiveOrganization,
    // Data of the previous tenant must never show up under the new one, not even for a moment.
    onSuccess: () => forgetTenantData(queryClient),
  });
}
