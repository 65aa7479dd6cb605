import type { FastifyPluginAsync } from "fastify";
import type { FileStorage } from "../../lib/file-storage/index.js";
import { runResultDeadlines } from "./deadlines.js";

const JOB_INTERVAL_MS = 15 * 60 * 1000;
const FIRST_RUN_AFTER_MS = 5_000;

/**
 * When the deadlines of unanswered deliveries are worked off (runResultDeadlines: reminders, automatic
 * acceptance): every 15 minutes while the server runs, the first time shortly after it is ready. A
 * timer in the server process until the job queue takes it over; not in tests, which call the job
 * directly.
 */
export const resultDeadlineSchedule: FastifyPluginAsync<{ storage: FileStorage }> = async (app, { storage }) => {
  if (app.config.env === "test") return;
  const { reminderDays, autoAcceptDays } = app.config.results;
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    void runResultDeadlines({
      db: app.db,
      mailer: app.mailer,
      log: app.log,
      storage,
      appUrl: app.config.appUrl,
      reminderDays,
      autoAcceptDays,
    }).catch((err: Error) => app.log.error({ err: { message: err.message } }, "result deadline job failed"));
  app.addHook("onReady", async () => {
    timer = setInterval(run, JOB_INTERVAL_MS);
    timer.unref();
    setTimeout(run, FIRST_RUN_AFTER_MS).unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
};
