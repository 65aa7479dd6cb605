import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";
import type { ProfileInput, ProviderProfileResponse } from "./types";

export function getProviderProfile(): Promise<ProviderProfileResponse> {
  return unwrap(api.GET("/api/provider/profile"));
}

export function updateProviderProfile(input: ProfileInput): Promise<ProviderProfileResponse> {
  return unwrap(api.PATCH("/api/provider/profile", { body: input }));
}

export function useProviderProfile() {
  return useQuery({ queryKey: marketplaceKeys.profile(), queryFn: getProviderProfile });
}

export function useUpdateProviderProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProviderProfile,
    onSuccess: (profile) => queryClient.setQueryData(marketplaceKeys.profile(), profile),
  });
}
