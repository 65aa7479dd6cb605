import type { OutputTypeInfo, OutputTypeList, PartnerResult, ResultList } from "@bgm/domain";
import type { z } from "zod";

export type PartnerResultItem = PartnerResult;
export type ResultListResponse = z.infer<typeof ResultList>;
export type OutputTypeInfoItem = z.infer<typeof OutputTypeInfo>;
export type OutputTypeListResponse = z.infer<typeof OutputTypeList>;
export type ResultLandingKey = PartnerResult["landsIn"];
export type OutputTypeKey = PartnerResult["outputType"];
