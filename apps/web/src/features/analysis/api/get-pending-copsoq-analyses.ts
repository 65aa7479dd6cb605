import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { analysisKeys } from "./query-keys";

/** Delivered COPSOQ analyses still waiting for the manager's review, oldest first. */
export function getPendingCopsoqAnalyses() {
  return unwrap(api.GET("/api/analysis/copsoq/pending"));
}

export function usePendingCopsoqAnalyses() {
  // The partner delivers and the automatic acceptance runs without this page: always fetch afresh.
  return useQuery({ queryKey: analysisKeys.pending(), queryFn: getPendingCopsoqAnalyses, staleTime: 0 });
}
