import { CopsoqAnalysis } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { analysisKeys } from "./query-keys";
import type { CopsoqAnalysisItem, CopsoqAnalysisViewResponse } from "./types";

/**
 * The accepted COPSOQ analyses, newest first; the first is the current one. The API answers each payload
 * as a plain object; it is read here with the schema the API validated it against at upload (which also
 * fills defaults such as an empty group list), so a payload that no longer fits fails the query instead
 * of rendering half an analysis.
 */
export async function getCopsoqAnalyses(): Promise<CopsoqAnalysisItem[]> {
  const res = await apiRequest<CopsoqAnalysisViewResponse>("/api/analysis/copsoq");
  return res.items.map((item) => ({ ...item, payload: CopsoqAnalysis.parse(item.payload) }));
}

export function useCopsoqAnalyses() {
  return useQuery({ queryKey: analysisKeys.copsoq(), queryFn: getCopsoqAnalyses });
}
