import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";
import type { Offering, OfferingInput, OfferingPatch } from "./types";

export function createOffering(input: OfferingInput): Promise<Offering> {
  return unwrap(api.POST("/api/provider/offerings", { body: input }));
}

export function updateOffering(id: string, patch: OfferingPatch): Promise<Offering> {
  return unwrap(api.PATCH("/api/provider/offerings/{id}", { params: { path: { id } }, body: patch }));
}

/** Own offerings and what companies see (published ones) both change. */
function useInvalidateMarketplace() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
}

export function useCreateOffering() {
  const invalidate = useInvalidateMarketplace();
  return useMutation({ mutationFn: createOffering, onSuccess: invalidate });
}

export function useUpdateOffering() {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: OfferingPatch }) => updateOffering(id, patch),
    onSuccess: invalidate,
  });
}
