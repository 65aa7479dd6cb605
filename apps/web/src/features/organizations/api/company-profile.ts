import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { organizationKeys } from "./query-keys";
import type { CompanyProfileResponse, UpdateCompanyProfileInput } from "./types";

/** The company's profile for reports: its industry (WZ 2008 section). BGM manager only. */
export function getCompanyProfile(): Promise<CompanyProfileResponse> {
  return apiRequest<CompanyProfileResponse>("/api/organization/profile");
}

export function updateCompanyProfile(input: UpdateCompanyProfileInput): Promise<CompanyProfileResponse> {
  return apiRequest<CompanyProfileResponse>("/api/organization/profile", { method: "PUT", json: input });
}

export function useCompanyProfile() {
  return useQuery({ queryKey: organizationKeys.profile(), queryFn: getCompanyProfile });
}

/**
 * Saving sets the answer as the cached profile. The insurer report names the industry too; it belongs to
 * participation and is read fresh whenever its page opens (its own key, not refreshed from here).
 */
export function useUpdateCompanyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCompanyProfile,
    onSuccess: (profile) => queryClient.setQueryData(organizationKeys.profile(), profile),
  });
}
