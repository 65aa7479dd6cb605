import type { CopsoqAnalysis, ResultSource } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";

export interface CopsoqAnalysisItem {
  payload: CopsoqAnalysis;
  source: ResultSource;
}

export const analysisKeys = {
  copsoq: ["analysis", "copsoq"] as const,
};

/** The accepted COPSOQ analyses, newest first; the first is the current one. */
export async function getCopsoqAnalyses(): Promise<CopsoqAnalysisItem[]> {
  // The API validated each payload against `CopsoqAnalysis` when the partner uploaded it.
  const res = await apiRequest<{ items: CopsoqAnalysisItem[] }>("/api/analysis/copsoq");
  return res.items.map((item) => ({ ...item, payload: { ...item.payload, groups: item.payload.groups ?? [] } }));
}

export function useCopsoqAnalyses() {
  return useQuery({ queryKey: analysisKeys.copsoq, queryFn: getCopsoqAnalyses });
}
