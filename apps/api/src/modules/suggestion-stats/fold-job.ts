import { type Database, withTenantTx } from "@bgm/db";
import type { FastifyPluginAsync } from "fastify";
import { enqueue } from "../../lib/jobs.js";
import { foldInbox, providersWithEvents } from "./stats.repository.js";

/** The queue of the daily fold; one open row for all API processes. */
export const SUGGESTION_FOLD_QUEUE = "suggestion-stats.fold";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Folds the inbox of every provider that has events into its daily counters (ADR 0024), each in the
 * provider's own tenant transaction, exactly as its stats read does: `suggestion_stat_fold()` takes the
 * provider from the transaction. Without it, a provider that never opens its statistics would keep one inbox
 * row per offering shown, for ever. A fold running at the same time as a read (or on another server) waits
 * for the other's deleted rows and then finds none, so nothing counts twice. Returns the providers folded.
 */
export async function foldAllInboxes(db: Database): Promise<number> {
  const providers = await providersWithEvents(db);
  for (const orgId of providers) await withTenantTx(db, orgId, (tx) => foldInbox({ tx }));
  return providers.length;
}

/** The recurring fold on the job queue (ADR 0020): daily, added when a server is ready. Tests run due jobs themselves. */
export const suggestionFoldJob: FastifyPluginAsync = async (app) => {
  app.jobs.register(SUGGESTION_FOLD_QUEUE, async () => void (await foldAllInboxes(app.db)), { repeatEveryMs: DAY_MS });
  app.addHook("onReady", async () => {
    if (app.config.env === "test") return;
    await enqueue(app.db, SUGGESTION_FOLD_QUEUE, {}, { singletonKey: "recurring", runAt: new Date(Date.now() + 60_000) });
  });
};
