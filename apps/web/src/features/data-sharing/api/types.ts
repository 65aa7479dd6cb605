import type {
  AccessLogList,
  ApiKey,
  CreatedApiKey,
  DataDisclosureList,
  DataGrant,
  DataGrantOverview,
  DataRequest,
  GrantRequest,
  GrantResult,
} from "@bgm/domain";
import type { z } from "zod";

export type DataRequestResponse = z.infer<typeof DataRequest>;
export type DataRequestScopeItem = DataRequestResponse["scopes"][number];
export type DataGrantItem = z.infer<typeof DataGrant>;
export type GrantRequestInput = z.infer<typeof GrantRequest>;
export type GrantResultResponse = z.infer<typeof GrantResult>;
export type DataGrantOverviewResponse = z.infer<typeof DataGrantOverview>;
export type PartnerGrantsItem = DataGrantOverviewResponse["partners"][number];
export type GrantWithLog = PartnerGrantsItem["grants"][number];
export type AccessLogListResponse = z.infer<typeof AccessLogList>;
export type AccessLogItem = AccessLogListResponse["items"][number];
export type DataDisclosureListResponse = z.infer<typeof DataDisclosureList>;
export type ApiKeyItem = z.infer<typeof ApiKey>;
export type CreatedApiKeyResponse = z.infer<typeof CreatedApiKey>;
export type Sensitivity = "low" | "medium" | "high";
