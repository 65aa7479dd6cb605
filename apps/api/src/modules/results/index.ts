// Public entry of the partner results module ("Einklinken").
import type { FastifyPluginAsync } from "fastify";
import { createFileStorage } from "../../lib/file-storage/index.js";
import { resultDeadlineSchedule } from "./deadline-schedule.js";
import { resultHttpRoutes } from "./results.routes.js";

export { type AcceptedAnalysis, acceptedAnalyses, latestAcceptedPayload } from "./accepted-analyses.js";
export { type DeadlineDeps, runResultDeadlines, SYSTEM_USER_ID } from "./deadlines.js";
export { oldestPendingResults } from "./pending-reviews.js";
// The use cases themselves, for the demo seed: it delivers and accepts results the way partners and managers do.
export { decide, type ResultsContext, submitResult } from "./results.service.js";

/** The module's routes and its deadline job, with the one file store both use. */
export const resultRoutes: FastifyPluginAsync = async (app) => {
  const storage = createFileStorage(app.config.results);
  await app.register(resultHttpRoutes, { storage });
  await app.register(resultDeadlineSchedule, { storage });
};
