import type { OfferingList, ProviderProfile, SuggestionList } from "@bgm/domain";
import type { z } from "zod";

/** Response shapes the domain package defines as Zod schemas only. */
export type OfferingListResponse = z.infer<typeof OfferingList>;
export type SuggestionItem = z.infer<typeof SuggestionList>["items"][number];
export type ProviderProfileResponse = z.infer<typeof ProviderProfile>;
