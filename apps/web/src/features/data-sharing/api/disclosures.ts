import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { dataSharingKeys } from "./query-keys";
import type { DataDisclosureListResponse } from "./types";

export function getDisclosures(): Promise<DataDisclosureListResponse> {
  return apiRequest<DataDisclosureListResponse>("/api/me/data-disclosures");
}

export function useDisclosures() {
  return useQuery({ queryKey: dataSharingKeys.disclosures, queryFn: getDisclosures });
}
