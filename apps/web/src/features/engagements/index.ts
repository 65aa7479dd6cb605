/** Engagements: quote requests, quotes and the work with a partner. The public face of the feature; other code imports only this file. */
export { useEngagement } from "./api/get-engagement";
export { useEngagements } from "./api/get-engagements";
export { engagementKeys } from "./api/query-keys";
export type { EngagementDetail, EngagementFilters as EngagementFilterValues } from "./api/types";
export { EngagementActions } from "./components/engagement-actions";
export { EngagementBrief } from "./components/engagement-brief";
export { EngagementFilters } from "./components/engagement-filters";
export { EngagementStatusBadge } from "./components/engagement-status-badge";
export { EngagementTimeline } from "./components/engagement-timeline";
export { EngagementsTable } from "./components/engagements-table";
export { PartnerWorkList } from "./components/partner-work-list";
export { QuotesList } from "./components/quotes-list";
export { RequestQuoteModal } from "./components/request-quote-modal";
