import type { CopsoqAnalysis, CopsoqAnalysisView, ResultSource } from "@bgm/domain";
import type { z } from "zod";

export type CopsoqAnalysisViewResponse = z.infer<typeof CopsoqAnalysisView>;

/** One accepted analysis with its payload parsed by `CopsoqAnalysis` (see get-copsoq-analyses.ts). */
export interface CopsoqAnalysisItem {
  payload: CopsoqAnalysis;
  source: ResultSource;
}
