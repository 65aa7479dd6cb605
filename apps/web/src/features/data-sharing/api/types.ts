import type {
  AccessLogList,
  AccessLogQuery,
  ApiKey,
  ApiKeyList,
  CreateApiKey,
  CreatedApiKey,
  DataDisclosureList,
  DataGrant,
  DataGrantOverview,
  DataRequest,
  GrantRequest,
  GrantResult,
  PartnerGrantList,
} from "@bgm/domain";
import type { z } from "zod";

export type DataRequestResponse = z.infer<typeof DataRequest>;
export type DataRequestScopeItem = DataRequestResponse["scopes"][number];
export type DataGrantItem = z.infer<typeof DataGrant>;
export type GrantResultResponse = z.infer<typeof GrantResult>;
export type DataGrantOverviewResponse = z.infer<typeof DataGrantOverview>;
export type PartnerGrantsItem = DataGrantOverviewResponse["partners"][number];
export type GrantWithLog = PartnerGrantsItem["grants"][number];
export type AccessLogListResponse = z.infer<typeof AccessLogList>;
export type AccessLogItem = AccessLogListResponse["items"][number];
export type DataDisclosureListResponse = z.infer<typeof DataDisclosureList>;
export type PartnerGrantsResponse = z.infer<typeof PartnerGrantList>;
export type ApiKeyItem = z.infer<typeof ApiKey>;
export type ApiKeyListResponse = z.infer<typeof ApiKeyList>;
export type CreatedApiKeyResponse = z.infer<typeof CreatedApiKey>;
export type Sensitivity = "low" | "medium" | "high";

export type GrantRequestInput = z.input<typeof GrantRequest>;
export type CreateApiKeyInput = z.input<typeof CreateApiKey>;
/** The access log's filter as the page offers it: one grant, or all. */
export type AccessLogFilter = Pick<z.infer<typeof AccessLogQuery>, "grantId">;
