import type { CreateEngagement, CreateQuote, Engagement, EngagementList, ProgressUpdate, TransitionRequest } from "@bgm/domain";
import type { z } from "zod";

export type EngagementListResponse = z.infer<typeof EngagementList>;
export type EngagementSummaryItem = EngagementListResponse["items"][number];
export type EngagementDetail = Engagement;
export type QuoteItem = Engagement["quotes"][number];
export type TimelineItem = Engagement["timeline"][number];

export type CreateEngagementInput = z.input<typeof CreateEngagement>;
export type SendQuoteInput = z.input<typeof CreateQuote>;
export type ProgressInput = z.input<typeof ProgressUpdate>;
/** The web app always sends the version on screen: if someone else moved the engagement meanwhile, the API answers 409. */
export type TransitionInput = z.input<typeof TransitionRequest> & { expectedVersion: number };

/** The list filters as the selects hold them: "" for any status or phase (the query leaves them out). */
export interface EngagementFilters {
  status: string;
  phase: string;
}
