// Public entry of the partner results module ("Einklinken").
export { type AcceptedAnalysis, acceptedAnalyses } from "./accepted-analyses.js";
export { type DeadlineDeps, runResultDeadlines, SYSTEM_USER_ID } from "./deadlines.js";
export { resultRoutes } from "./results.routes.js";
// The use cases themselves, for the demo seed: it delivers and accepts results the way partners and managers do.
export { decide, type ResultsContext, submitResult } from "./results.service.js";
