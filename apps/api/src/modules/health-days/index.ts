// Public entry of the health-days module: a company's health days, their stations (booked from marketplace
// offerings through engagements) and the stations' time slots, which are participation sessions (ADR 0014).
// Tables: health_day, health_day_module, health_day_check_in, health_day_invitation, health_day_reminder,
// health_day_feedback, health_day_feedback_given.
import { healthDay } from "@bgm/db";
import type { FastifyPluginAsync } from "fastify";
import { registerAuditObjectSource, titleColumnSource } from "../audit/index.js";
import { registerSlotChangeGuard, registerSlotParentSource } from "../participation/index.js";
import { checkInRoutes } from "./check-in.routes.js";
import { healthDayFeedbackRoutes } from "./feedback.routes.js";
import { healthDayRoutes as routes } from "./health-days.routes.js";
import { healthDayInvitationRoutes } from "./invitations.routes.js";
import { plannerRoutes } from "./planner.routes.js";
import { healthDayReminderSchedule } from "./reminders-schedule.js";
import { consolidatedReportRoutes, healthDayReportRoutes } from "./report.routes.js";
import { healthDaySlotChangeGuard, healthDaySlotParents } from "./slot-parents.js";

export const healthDayRoutes: FastifyPluginAsync = async (app) => {
  registerSlotParentSource(healthDaySlotParents);
  registerAuditObjectSource("health_day", titleColumnSource(healthDay, healthDay));
  registerSlotChangeGuard(healthDaySlotChangeGuard);
  await app.register(routes);
  await app.register(plannerRoutes);
  // Live (issue 13): QR tickets, the check-in of scans in batches, the live figures.
  await app.register(checkInRoutes);
  await app.register(healthDayInvitationRoutes);
  await app.register(healthDayReportRoutes);
  // After the event (issue 13, 4.5 and 4.7): anonymous feedback per station, the consolidated report.
  await app.register(healthDayFeedbackRoutes);
  await app.register(consolidatedReportRoutes);
  await app.register(healthDayReminderSchedule);
};

export { seedFeedback as seedHealthDayFeedback } from "./feedback.service.js";
/** The use cases the demo seed plays through, as a manager would. */
export {
  addModule as addHealthDayModule,
  addSlots as addHealthDaySlots,
  createHealthDay,
  transitionHealthDay,
} from "./health-days.service.js";
export { healthDaysAwaitingApproval } from "./pending-approvals.js";
export { runHealthDayReminders } from "./reminders.js";
