import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { forgetTenantData } from "../../auth";
import type { CreateOrganizationInput, OrganizationResponse } from "./types";

export function createOrganization(input: CreateOrganizationInput): Promise<OrganizationResponse> {
  return apiRequest<OrganizationResponse>("/api/organizations", { method: "POST", json: input });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    // The new organization becomes the active one, so everything tenant-scoped starts fresh.
    onSuccess: () => forgetTenantData(queryClient),
  });
}
