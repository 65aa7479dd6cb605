import type { Engagement, EngagementList } from "@bgm/domain";
import type { z } from "zod";

export type EngagementSummaryItem = z.infer<typeof EngagementList>["items"][number];
export type EngagementDetail = Engagement;
export type QuoteItem = Engagement["quotes"][number];
export type TimelineItem = Engagement["timeline"][number];
