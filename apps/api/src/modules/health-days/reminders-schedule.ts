import type { FastifyPluginAsync } from "fastify";
import { organizerAddress } from "../participation/index.js";
import { runHealthDayReminders } from "./reminders.js";

const JOB_INTERVAL_MS = 15 * 60 * 1000;
const FIRST_RUN_AFTER_MS = 5_000;

/**
 * When the reminders the day before go out (runHealthDayReminders): every 15 minutes while the server
 * runs, the first time shortly after it is ready — so a slot of tomorrow is reminded soon after midnight
 * in Germany, or soon after a restart. The marker table makes every run after the first a no-op for the
 * same people; several nodes may run it. Not in tests, which call the job with a `now`.
 */
export const healthDayReminderSchedule: FastifyPluginAsync = async (app) => {
  if (app.config.env === "test") return;
  let timer: NodeJS.Timeout | undefined;
  const deps = {
    db: app.db,
    mailer: app.mailer,
    log: app.log,
    calendar: { appUrl: app.config.appUrl, organizerEmail: organizerAddress(app.config.mailFrom) },
  };
  const run = () =>
    void runHealthDayReminders(deps).catch((err: Error) =>
      app.log.error({ err: { message: err.message } }, "health-day reminder job failed"),
    );
  app.addHook("onReady", async () => {
    timer = setInterval(run, JOB_INTERVAL_MS);
    timer.unref();
    setTimeout(run, FIRST_RUN_AFTER_MS).unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
};
