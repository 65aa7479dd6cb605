// Public entry of the suggestion-stats module (issue 15, ADR 0024): counts how often offerings are
// suggested, opened and requested, and shows each provider the aggregate of its own offerings, never a
// company. Imports no other module, so the matching, marketplace and engagements modules can all call it.
export { SUGGESTION_FOLD_QUEUE, suggestionFoldJob } from "./fold-job.js";
export { recordOpened, recordRequested, recordSuggested } from "./record.js";
export { suggestionStatsRoutes } from "./stats.routes.js";
