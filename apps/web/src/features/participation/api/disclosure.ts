import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { participationKeys } from "./query-keys";
import type { DisclosureSettingsResponse, RaiseMinGroupSizeInput } from "./types";

/** The company's minimum group size: no participation figure about fewer people leaves the server. */
export function getDisclosureSettings(): Promise<DisclosureSettingsResponse> {
  return unwrap(api.GET("/api/participation/disclosure"));
}

/** Raise it (never lower: the API answers 409); audited by the server. */
export function raiseMinGroupSize(input: RaiseMinGroupSizeInput): Promise<DisclosureSettingsResponse> {
  return unwrap(api.PUT("/api/participation/disclosure", { body: input }));
}

export function useDisclosureSettings() {
  return useQuery({ queryKey: participationKeys.disclosure(), queryFn: getDisclosureSettings });
}

export function useRaiseMinGroupSize() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: raiseMinGroupSize,
    onSuccess: (settings) => {
      queryClient.setQueryData(participationKeys.disclosure(), settings);
      // Every report, the partner view and the KPI figures are withheld by the new threshold from now on.
      return queryClient.invalidateQueries({ queryKey: participationKeys.all });
    },
  });
}
