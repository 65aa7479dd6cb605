import type { FastifyPluginAsync } from "fastify";
import type { FileStorage } from "../../lib/file-storage/index.js";
import { enqueue } from "../../lib/jobs.js";
import { runResultDeadlines } from "./deadlines.js";

/** The queue of the recurring deadline job; one open row in `job` for all API processes. */
export const RESULT_DEADLINES_QUEUE = "results.deadlines";
const JOB_INTERVAL_MS = 15 * 60 * 1000;
const FIRST_RUN_AFTER_MS = 5_000;

/**
 * When the deadlines of unanswered deliveries are worked off (runResultDeadlines: reminders, automatic
 * acceptance): a recurring job on the job queue (ADR 0020), every 15 minutes, the first time shortly
 * after a server is ready. One row with a singleton key for every process on the database, claimed with
 * SKIP LOCKED, so several API processes never run it at the same time. Tests call the job directly or
 * run the queue's due jobs.
 */
export const resultDeadlineSchedule: FastifyPluginAsync<{ storage: FileStorage }> = async (app, { storage }) => {
  const { reminderDays, autoAcceptDays } = app.config.results;
  app.jobs.register(
    RESULT_DEADLINES_QUEUE,
    async ({ now }) => {
      await runResultDeadlines(
        { db: app.db, mailer: app.mailer, log: app.log, storage, appUrl: app.config.appUrl, reminderDays, autoAcceptDays },
        now,
      );
    },
    { repeatEveryMs: JOB_INTERVAL_MS, leaseMs: 10 * 60 * 1000 },
  );
  app.addHook("onReady", async () => {
    if (app.config.env === "test") return;
    await enqueue(app.db, RESULT_DEADLINES_QUEUE, {}, { singletonKey: "recurring", runAt: new Date(Date.now() + FIRST_RUN_AFTER_MS) });
  });
};
