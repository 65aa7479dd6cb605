import type {
  CertificationList,
  CreateOffering,
  OfferingList,
  OwnOfferingList,
  ProviderProfile,
  SuggestionList,
  SuggestionQuery,
  UpdateOffering,
  UpdateProviderProfile,
} from "@bgm/domain";
import type { z } from "zod";

export type { Offering } from "@bgm/domain";
export type OfferingListResponse = z.infer<typeof OfferingList>;
export type OwnOfferingListResponse = z.infer<typeof OwnOfferingList>;
export type CertificationListResponse = z.infer<typeof CertificationList>;
export type SuggestionListResponse = z.infer<typeof SuggestionList>;
export type SuggestionItem = SuggestionListResponse["items"][number];
export type ProviderProfileResponse = z.infer<typeof ProviderProfile>;

export type OfferingInput = z.input<typeof CreateOffering>;
export type OfferingPatch = z.input<typeof UpdateOffering>;
export type ProfileInput = z.input<typeof UpdateProviderProfile>;
/** The query as the API reads it (a query string has no typed input: its numbers are coerced). */
/** What the widgets ask for; budget and §20 preference are optional (the API defaults them). */
export type SuggestionParams = Omit<z.infer<typeof SuggestionQuery>, "preferFunded"> & { preferFunded?: boolean };

/**
 * The marketplace search as the filters and the URL hold it: "" for any, prices in whole euros. The
 * fetcher turns it into the API's DiscoveryQuery (cents, empty values left out).
 */
export interface FilterValues {
  q: string;
  category: string;
  certification: string;
  deliveryMode: string;
  priceMin: number | null;
  priceMax: number | null;
  phase: string;
  region: string;
}

export type OfferingListParams = FilterValues & {
  /** The previous page's `nextCursor`; undefined = first page. */
  cursor: string | undefined;
  limit: number;
};
