import type { OutputTypeInfo, OutputTypeList, PartnerResult, ResultDecision, ResultList, SubmitResult } from "@bgm/domain";
import type { z } from "zod";

export type PartnerResultItem = PartnerResult;
export type ResultListResponse = z.infer<typeof ResultList>;
export type OutputTypeInfoItem = z.infer<typeof OutputTypeInfo>;
export type OutputTypeListResponse = z.infer<typeof OutputTypeList>;
export type ResultLandingKey = PartnerResult["landsIn"];
export type OutputTypeKey = PartnerResult["outputType"];

export type DecideResultInput = { resultId: string } & z.input<typeof ResultDecision>;
/** The upload's fields, and its files (which make it multipart); the form always sends a note, if empty. */
export type SubmitResultInput = z.input<typeof SubmitResult> & { note: string; files: File[] };
