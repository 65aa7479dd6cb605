import type { CopsoqAnalysis } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { analysisKeys } from "./query-keys";
import type { CopsoqAnalysisItem, CopsoqAnalysisViewResponse } from "./types";

/** The accepted COPSOQ analyses, newest first; the first is the current one. */
export async function getCopsoqAnalyses(): Promise<CopsoqAnalysisItem[]> {
  const res = await apiRequest<CopsoqAnalysisViewResponse>("/api/analysis/copsoq");
  return res.items.map((item) => {
    // The API validated each payload against `CopsoqAnalysis` when the partner uploaded it.
    const payload = item.payload as CopsoqAnalysis;
    return { ...item, payload: { ...payload, groups: payload.groups ?? [] } };
  });
}

export function useCopsoqAnalyses() {
  return useQuery({ queryKey: analysisKeys.copsoq(), queryFn: getCopsoqAnalyses });
}
