import type { CopsoqAnalysis, CopsoqAnalysisView, ResultSource } from "@bgm/domain";
import type { z } from "zod";

export type CopsoqAnalysisViewResponse = z.infer<typeof CopsoqAnalysisView>;

/** The API types the payload loosely; it validated it against `CopsoqAnalysis` when the partner uploaded it. */
export interface CopsoqAnalysisItem {
  payload: CopsoqAnalysis;
  source: ResultSource;
}
